package org.pingyi.slip;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.pingyi.pdf.CjkFont;

/**
 * 未使用票签清单: the unused serials of a closed event per category, for the clerk to tick off against the slips
 * left over, with lines for who counted and who supervised. A4, Noto Sans CJK subset embedded. Blocking.
 */
final class UnusedSlipsSheet {
  private static final Color HEAD = new Color(235, 235, 235);

  private UnusedSlipsSheet() {
  }

  /** @param printedAt the time printed on the sheet, as the clerk reads it (yyyy-MM-dd HH:mm) */
  static void render(OutputStream out, String eventTitle, String printedAt, List<UnusedSerials.Category> categories) {
    try {
      BaseFont base = CjkFont.shared();
      Font title = new Font(base, 16f, Font.BOLD);
      Font text = new Font(base, 10f);
      Font head = new Font(base, 10f, Font.BOLD);
      Document document = new Document(PageSize.A4, 48f, 48f, 48f, 48f);
      PdfWriter.getInstance(document, out);
      document.open();
      Paragraph heading = new Paragraph("未使用票签清单", title);
      heading.setAlignment(Element.ALIGN_CENTER);
      heading.setSpacingAfter(8f);
      document.add(heading);
      document.add(new Paragraph("活动：" + eventTitle, text));
      document.add(new Paragraph("打印时间：" + printedAt, text));
      long total = categories.stream().mapToLong(UnusedSerials.Category::count).sum();
      Paragraph summary = new Paragraph("共 " + total + " 张票签既未投票、未作废，也未登记为未收回。", text);
      summary.setSpacingAfter(10f);
      document.add(summary);
      if (!categories.isEmpty()) document.add(table(categories, head, text));
      document.add(spaced("清点办法：收回的空白票签逐张核对编号后在控制台作废；已发出而未交回的，登记为“未收回”。", text, 16f));
      document.add(spaced("清点人：____________　　监票人：____________　　日期：____________", text, 24f));
      document.close();
    } catch (IOException | DocumentException e) {
      throw new IllegalStateException("could not render the unused slips sheet", e);
    }
  }

  private static PdfPTable table(List<UnusedSerials.Category> categories, Font head, Font text) throws DocumentException {
    PdfPTable table = new PdfPTable(new float[] {2.2f, 1f, 6.8f});
    table.setWidthPercentage(100f);
    table.setHeaderRows(1);
    for (String h : List.of("类别", "张数", "编号")) {
      PdfPCell cell = cell(h, head);
      cell.setBackgroundColor(HEAD);
      table.addCell(cell);
    }
    for (UnusedSerials.Category c : categories) {
      table.addCell(cell(c.code() + " " + c.name(), text));
      table.addCell(cell(Long.toString(c.count()), text));
      table.addCell(cell(c.text(), text));
    }
    return table;
  }

  /** Every paragraph names its font: one left to the default would embed nothing and print no Chinese. */
  private static Paragraph spaced(String content, Font font, float before) {
    Paragraph paragraph = new Paragraph(content, font);
    paragraph.setSpacingBefore(before);
    return paragraph;
  }

  private static PdfPCell cell(String content, Font font) {
    PdfPCell cell = new PdfPCell(new Phrase(content, font));
    cell.setPadding(5f);
    return cell;
  }
}
