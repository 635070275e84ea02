package org.pingyi.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256, one digest per thread: looking the algorithm up costs more than hashing a token or a ballot. */
public final class Sha256 {
  private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  });

  /** Each thread's buffer for {@link #updateUtf8}, which hashes text without a byte copy of it. */
  private static final ThreadLocal<byte[]> BYTES = ThreadLocal.withInitial(() -> new byte[4096]);

  private Sha256() {
  }

  /**
   * Adds the text's UTF-8 to the digest, exactly the bytes of {@code text.getBytes(UTF_8)} (a lone surrogate becomes
   * '?' in both), encoded into this thread's buffer rather than into a copy of the text as bytes.
   */
  public static void updateUtf8(MessageDigest digest, String text) {
    byte[] out = BYTES.get();
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (n > out.length - 4) {
        digest.update(out, 0, n);
        n = 0;
      }
      char c = text.charAt(i);
      if (c < 0x80) {
        out[n++] = (byte) c;
      } else if (c < 0x800) {
        out[n++] = (byte) (0xc0 | c >> 6);
        out[n++] = (byte) (0x80 | c & 0x3f);
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        int code = Character.toCodePoint(c, text.charAt(++i));
        out[n++] = (byte) (0xf0 | code >> 18);
        out[n++] = (byte) (0x80 | code >> 12 & 0x3f);
        out[n++] = (byte) (0x80 | code >> 6 & 0x3f);
        out[n++] = (byte) (0x80 | code & 0x3f);
      } else if (Character.isSurrogate(c)) {
        out[n++] = '?';
      } else {
        out[n++] = (byte) (0xe0 | c >> 12);
        out[n++] = (byte) (0x80 | c >> 6 & 0x3f);
        out[n++] = (byte) (0x80 | c & 0x3f);
      }
    }
    digest.update(out, 0, n);
  }

  /**
   * This thread's digest, reset. Use it within one synchronous call (updates, then {@code digest()}), never across
   * an asynchronous step, where another task on the thread would take it over.
   */
  public static MessageDigest digest() {
    MessageDigest digest = DIGEST.get();
    digest.reset();
    return digest;
  }
}
