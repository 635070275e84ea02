package org.pingyi.feedback;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.pingyi.pdf.CjkFont;

/**
 * A box's A4 poster: what the box is for, a large QR code of its address, the address spelled out, and the rules
 * that protect whoever writes (no account, nothing recorded about them). Noto Sans CJK is embedded as a subset, as
 * in every PDF of Pingyi. Blocking: call on a worker.
 */
final class PosterPdf {
  private static final Map<EncodeHintType, Object> HINTS =
      Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2);
  static final List<String> RULES = List.of(
      "不需要登录，不需要填写姓名、电话或单位。",
      "不记录您的手机、IP 地址和提交时刻，只记录提交的日期；意见不按提交先后保存。",
      "提交后会显示一个查询码，请抄下或截图保存：凭查询码可查看办理情况和答复。查询码只有您知道，服务器只保存它的哈希值。",
      "可反映选人用人、干部作风等方面的问题；请实事求是，不能上传附件或图片。");

  private PosterPdf() {
  }

  static byte[] render(FeedbackRepository.Box box, String url) {
    try {
      BaseFont base = CjkFont.shared();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Document document = new Document(PageSize.A4, 56, 56, 56, 48);
      PdfWriter.getInstance(document, out);
      document.open();
      centred(document, "意见箱", new Font(base, 34f, Font.BOLD), 6f);
      centred(document, box.title(), new Font(base, 20f, Font.BOLD), 4f);
      String about = String.join("　", List.of(box.unit(), box.eventTitle() == null ? "" : "《" + box.eventTitle() + "》"))
          .strip();
      if (!about.isEmpty()) centred(document, about, new Font(base, 13f), 4f);
      centred(document, "欢迎对干部选拔任用工作和干部作风提出意见和建议", new Font(base, 13f), 14f);
      Image code = qr(url);
      code.scaleAbsolute(300f, 300f);
      code.setAlignment(Element.ALIGN_CENTER);
      document.add(code);
      centred(document, "用手机扫描二维码，或在浏览器中打开：", new Font(base, 11f), 2f);
      centred(document, url, new Font(base, 11f), 18f);
      Font rule = new Font(base, 12.5f);
      for (int i = 0; i < RULES.size(); i++) {
        Paragraph p = new Paragraph((i + 1) + ". " + RULES.get(i), rule);
        p.setSpacingAfter(5f);
        p.setLeading(18f);
        document.add(p);
      }
      document.close();
      return out.toByteArray();
    } catch (IOException | DocumentException | WriterException e) {
      throw new IllegalStateException("could not write the feedback poster", e);
    }
  }

  private static void centred(Document document, String text, Font font, float after) throws DocumentException {
    Paragraph p = new Paragraph(text, font);
    p.setAlignment(Element.ALIGN_CENTER);
    p.setSpacingAfter(after);
    document.add(p);
  }

  /** One pixel per module, one bit per pixel (1 is white), scaled without interpolation: it prints crisp. */
  private static Image qr(String text) throws WriterException, DocumentException {
    BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, HINTS);
    int size = matrix.getWidth();
    int rowBytes = (size + 7) / 8;
    byte[] bits = new byte[rowBytes * size];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        if (!matrix.get(x, y)) bits[y * rowBytes + x / 8] |= (byte) (0x80 >>> (x % 8));
      }
    }
    return Image.getInstance(size, size, 1, 1, bits);
  }
}
