package org.pingyi.slip;

import com.google.zxing.WriterException;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import org.pingyi.pdf.CjkFont;

/**
 * The printable sheet of a slip batch: A4, eight slips a page (two columns, four rows) separated by cut
 * lines, each with its QR code, the event, category, serial, a one-line instruction and, for a phone that
 * cannot scan, the entry address and the slip's typed code (the same secret as the QR code, see {@link SlipCodes}),
 * in an embedded Noto Sans CJK subset. Blocking (PDF and QR work): run it on a worker thread.
 */
final class SlipSheet {
  private static final String INSTRUCTION = "请用手机扫描二维码，匿名填写并提交；每张票仅能使用一次。";
  // Leaves room for the typed fallback under it; 104 pt is 3.7 cm, far more than a phone camera needs.
  private static final float QR_POINTS = 104f;
  private static final int SLIPS_PER_PAGE = 8;
  private static final float SLIP_HEIGHT = (PageSize.A4.getHeight() - 40f) / 4;
  private static final Color CUT_LINE = new Color(150, 150, 150);

  private SlipSheet() {
  }

  /**
   * Writes the sheet to {@code out} page by page. The table is a "large element": each page's rows are
   * handed to the writer as soon as they are made and then dropped; the writer sends each page on as it
   * completes, QR codes included (they are inline, see {@link QrCodeBox}). What stays until the end is the
   * writer's cross-reference table and page list: some hundred bytes a page, about 3 MB for 100,000 slips.
   */
  static void render(OutputStream out, IssuedBatch batch, String publicUrl) {
    try {
      Fonts fonts = new Fonts(CjkFont.shared());
      Document document = new Document(PageSize.A4, 20f, 20f, 20f, 20f);
      PdfWriter.getInstance(document, out);
      document.open();
      PdfPTable table = new PdfPTable(2);
      table.setWidthPercentage(100f);
      table.setComplete(false);
      for (int i = 0; i < batch.count(); i++) {
        IssuedSlip slip = batch.slip(i);
        table.addCell(slipCell(fonts, batch, slip, publicUrl));
        if ((i + 1) % SLIPS_PER_PAGE == 0 && i + 1 < batch.count()) document.add(table);
      }
      table.completeRow();
      table.setComplete(true);
      document.add(table);
      document.close();
    } catch (IOException | WriterException e) {
      throw new IllegalStateException("could not render the slip sheet", e);
    }
  }

  /** The faces of a slip, made once per sheet rather than once per slip. */
  private record Fonts(Font title, Font serial, Font instruction, Font code) {
    Fonts(BaseFont base) {
      this(new Font(base, 11f, Font.BOLD), new Font(base, 12f, Font.BOLD), new Font(base, 8.5f),
          new Font(base, 9.5f, Font.BOLD));
    }
  }

  private static PdfPCell slipCell(Fonts fonts, IssuedBatch batch, IssuedSlip slip, String publicUrl)
      throws WriterException {
    PdfPCell cell = new PdfPCell();
    // A minimum, not a fixed height: a long address that wraps must push the row taller, never clip the code.
    cell.setMinimumHeight(SLIP_HEIGHT);
    cell.setPadding(8f);
    cell.setBorderColor(CUT_LINE);
    cell.addElement(centered(batch.eventTitle(), fonts.title()));
    cell.addElement(QrCodeBox.of(slip.votingUrl(publicUrl), QR_POINTS));
    cell.addElement(centered(batch.categoryName() + "　编号 " + slip.serial(), fonts.serial()));
    cell.addElement(centered(INSTRUCTION, fonts.instruction()));
    cell.addElement(centered("扫码不成功时，用浏览器打开 " + IssuedSlip.entryUrl(publicUrl) + " 输入票码", fonts.instruction()));
    cell.addElement(centered("票码 " + SlipCodes.of(slip.token()), fonts.code()));
    return cell;
  }

  private static Paragraph centered(String text, Font font) {
    Paragraph paragraph = new Paragraph(text, font);
    paragraph.setAlignment(Element.ALIGN_CENTER);
    // Tighter than the default 1.5: six lines and the QR code share a quarter of a page.
    paragraph.setLeading(0f, 1.3f);
    return paragraph;
  }
}
