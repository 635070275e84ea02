package org.pingyi.export;

import com.lowagie.text.Document;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Page furniture of the summary PDF: "第 n 页 共 m 页" at the foot of every page (m filled in when the document
 * closes) and, on a table's continuation pages, its title at the head so a loose page still says what it is.
 */
final class PdfPages extends PdfPageEventHelper {
  private static final float SIZE = 8.5f;

  private final BaseFont font;
  private PdfTemplate total;
  private String title = "";
  private int firstPageOfTable = 1;

  PdfPages(BaseFont font) {
    this.font = font;
  }

  /** The table whose pages follow, starting on the next page. */
  void startTable(String tableTitle, int page) {
    this.title = tableTitle;
    this.firstPageOfTable = page;
  }

  @Override
  public void onOpenDocument(PdfWriter writer, Document document) {
    total = writer.getDirectContent().createTemplate(40, 12);
  }

  @Override
  public void onEndPage(PdfWriter writer, Document document) {
    PdfContentByte canvas = writer.getDirectContent();
    Rectangle page = document.getPageSize();
    String before = "第 " + writer.getPageNumber() + " 页 共 ";
    float width = font.getWidthPoint(before + "00 页", SIZE);
    float x = (page.getWidth() - width) / 2;
    canvas.beginText();
    canvas.setFontAndSize(font, SIZE);
    canvas.setTextMatrix(x, 20);
    canvas.showText(before);
    canvas.endText();
    float after = x + font.getWidthPoint(before, SIZE);
    canvas.addTemplate(total, after, 20);
    canvas.beginText();
    canvas.setFontAndSize(font, SIZE);
    canvas.setTextMatrix(after + font.getWidthPoint("00", SIZE), 20);
    canvas.showText(" 页");
    canvas.endText();
    if (writer.getPageNumber() > firstPageOfTable) {
      canvas.beginText();
      canvas.setFontAndSize(font, SIZE);
      canvas.setTextMatrix(document.left(), page.getHeight() - 28);
      canvas.showText(title + "（续）");
      canvas.endText();
    }
  }

  @Override
  public void onCloseDocument(PdfWriter writer, Document document) {
    total.beginText();
    total.setFontAndSize(font, SIZE);
    total.setTextMatrix(0, 0);
    total.showText(String.valueOf(writer.getPageNumber() - 1));
    total.endText();
  }
}
