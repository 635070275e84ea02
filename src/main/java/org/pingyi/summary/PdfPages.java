package org.pingyi.summary;

import com.lowagie.text.Document;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Page furniture of the summary PDF: "第 n 页 共 m 页" at the foot of every page (written when the document
 * closes, once m is known) and, on a table's continuation pages, its title at the head so a loose page still says
 * what it is.
 */
final class PdfPages extends PdfPageEventHelper {
  private static final float SIZE = 8.5f;
  /** Room below the baseline inside a footer's template, so descenders are not clipped. */
  private static final float DESCENT = 3;
  private static final float BASELINE = 20;

  private final BaseFont font;
  private final List<Footer> footers = new ArrayList<>();
  private String title = "";
  private int firstPageOfTable = 1;

  /** A page's footer, reserved the page's full width because its text is not known until the last page. */
  private record Footer(PdfTemplate template, int page, float width) {
  }

  PdfPages(BaseFont font) {
    this.font = font;
  }

  /** The table whose pages follow, starting on the next page. */
  void startTable(String tableTitle, int page) {
    this.title = tableTitle;
    this.firstPageOfTable = page;
  }

  @Override
  public void onEndPage(PdfWriter writer, Document document) {
    PdfContentByte canvas = writer.getDirectContent();
    Rectangle page = document.getPageSize();
    PdfTemplate footer = canvas.createTemplate(page.getWidth(), SIZE + DESCENT + 2);
    canvas.addTemplate(footer, 0, BASELINE - DESCENT);
    footers.add(new Footer(footer, writer.getPageNumber(), page.getWidth()));
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
    int total = writer.getPageNumber() - 1;
    for (Footer f : footers) {
      String text = footerText(f.page(), total);
      PdfTemplate t = f.template();
      t.beginText();
      t.setFontAndSize(font, SIZE);
      t.setTextMatrix((f.width() - font.getWidthPoint(text, SIZE)) / 2, DESCENT);
      t.showText(text);
      t.endText();
    }
  }

  static String footerText(int page, int total) {
    return "第 " + page + " 页 共 " + total + " 页";
  }
}
