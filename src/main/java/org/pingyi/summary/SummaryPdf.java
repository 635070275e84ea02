package org.pingyi.summary;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.List;
import org.pingyi.pdf.CjkFont;

/**
 * The summary tables as a PDF, for printing where no spreadsheet program is at hand: A4, landscape for wide
 * tables, each table from a new page, column headings repeated where a table breaks, the Noto Sans CJK subset
 * embedded. Dated, identified and subset-named from the event, so the same data gives the same bytes. Blocking.
 */
final class SummaryPdf {

  private SummaryPdf() {
  }

  /** @param seed fixes the document's id and font subset name (the event's id, hashed) */
  static byte[] render(List<SummaryTable> tables, OffsetDateTime stamp, byte[] seed) {
    try {
      BaseFont base = CjkFont.seeded(seed);
      PdfFonts fonts = new PdfFonts(base);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Document document = new Document(pageSize(tables.isEmpty() ? null : tables.get(0)), 36, 36, 40, 40);
      PdfWriter writer = PdfWriter.getInstance(document, out);
      PdfPages pages = new PdfPages(base);
      writer.setPageEvent(pages);
      document.open();
      stamp(writer, stamp, seed);
      for (int i = 0; i < tables.size(); i++) {
        if (i > 0) {
          document.setPageSize(pageSize(tables.get(i)));
          document.newPage();
        }
        pages.startTable(tables.get(i).title(), writer.getPageNumber());
        new PdfTableWriter(document, writer, fonts, tables.get(i)).write();
      }
      if (tables.isEmpty()) document.add(new Paragraph("没有表单。", fonts.text()));
      document.close();
      return out.toByteArray();
    } catch (IOException | DocumentException e) {
      throw new IllegalStateException("could not write the summary PDF", e);
    }
  }

  private static Rectangle pageSize(SummaryTable table) {
    return table != null && table.landscape() ? PageSize.A4.rotate() : PageSize.A4;
  }

  /** The dates and the file id a writer would otherwise take from the clock and from chance. */
  private static void stamp(PdfWriter writer, OffsetDateTime stamp, byte[] seed) {
    PdfDate date = new PdfDate(GregorianCalendar.from(stamp.toZonedDateTime()));
    writer.getInfo().put(PdfName.CREATIONDATE, date);
    writer.getInfo().put(PdfName.MODDATE, date);
    byte[] id = Arrays.copyOf(seed, 16);
    writer.getInfo().put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
  }

  /** The faces of the summary PDF, all of one embedded font. */
  record PdfFonts(Font title, Font line, Font caption, Font head, Font text, Font note) {
    PdfFonts(BaseFont base) {
      this(new Font(base, 15f, Font.BOLD), new Font(base, 10f), new Font(base, 10f, Font.BOLD),
          new Font(base, 8.5f, Font.BOLD), new Font(base, 8.5f), new Font(base, 8f));
    }
  }

  static PdfPCell cell(String text, Font font, int align) {
    PdfPCell cell = new PdfPCell(new Paragraph(text, font));
    cell.setHorizontalAlignment(align);
    cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
    cell.setPadding(3f);
    return cell;
  }
}
