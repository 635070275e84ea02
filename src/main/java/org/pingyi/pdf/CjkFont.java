package org.pingyi.pdf;

import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.pingyi.http.AppError;

/** The Noto Sans CJK face (Debian's fonts-noto-cjk) that every PDF of Pingyi embeds, as a subset, for its Chinese text. */
public final class CjkFont {
  private static final String FILE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
  /** Index 2 of the collection is the Simplified Chinese face. */
  private static final String FACE = FILE + ",2";
  private static final String MISSING = "服务器缺少中文字体（Debian 软件包 fonts-noto-cjk）";

  private CjkFont() {
  }

  public static boolean available() {
    return Files.isReadable(Path.of(FILE));
  }

  /** The refusal of a PDF while the font is missing: 503, to be retried once fonts-noto-cjk is installed. */
  public static AppError missing() {
    return AppError.unavailable(MISSING + "，暂不能生成 PDF", 3600);
  }

  /** As {@link #missing()}, naming the format that works without the font. */
  public static AppError missing(String alternative) {
    return AppError.unavailable(MISSING + "，暂不能生成 PDF；可改用 " + alternative, 3600);
  }

  /** The shared face: OpenPDF caches it, and each document keeps its own subset of the glyphs it uses. */
  public static BaseFont shared() throws IOException {
    return BaseFont.createFont(FACE, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
  }

  /**
   * A face of its own whose subset name (the six letters before "+") comes from {@code seed} instead of chance,
   * so that the same document renders to the same bytes. Not cached: the seeded random must not be shared.
   */
  public static BaseFont seeded(byte[] seed) throws IOException {
    BaseFont font = BaseFont.createFont(FACE, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, null, null);
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      // Seeded before its first use, SHA1PRNG yields the same sequence every time.
      random.setSeed(seed);
      font.setSecureRandom(random);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA1PRNG is part of every Java runtime", e);
    }
    return font;
  }
}
