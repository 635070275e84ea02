package org.pingyi.board;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.pingyi.pdf.CjkFont;

/**
 * The receipts board as an A4 list for the notice board: the event, how to check, then the codes in six columns,
 * read down each column like a phone book, each page headed by the first and last code on it. Noto Sans CJK is
 * embedded (a subset), as in every PDF of Pingyi. Blocking: call on a worker.
 */
final class ReceiptListPdf {
  static final int COLUMNS = 6;
  private static final float CODE_SIZE = 11f;
  private static final float CELL_PADDING = 2f;
  static final int ROWS = 46;
  /** The first page gives room to the heading. */
  static final int FIRST_ROWS = 36;

  private ReceiptListPdf() {
  }

  static byte[] render(Board board) {
    try {
      BaseFont base = CjkFont.shared();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Document document = new Document(PageSize.A4, 40, 40, 36, 40);
      PdfWriter writer = PdfWriter.getInstance(document, out);
      writer.setPageEvent(new Foot(base, board.title()));
      document.open();
      heading(document, base, board);
      List<String> codes = board.codes();
      Font codeFont = new Font(base, codeSize(base, codes, document));
      int from = 0;
      for (int page = 0; from < codes.size(); page++) {
        int rows = page == 0 ? FIRST_ROWS : ROWS;
        int to = Math.min(codes.size(), from + rows * COLUMNS);
        if (page > 0) document.newPage();
        document.add(new Paragraph("本页：" + codes.get(from) + " 至 " + codes.get(to - 1), new Font(base, 10f)));
        document.add(grid(codes.subList(from, to), codeFont));
        from = to;
      }
      document.close();
      return out.toByteArray();
    } catch (IOException | DocumentException e) {
      throw new IllegalStateException("could not write the receipts PDF", e);
    }
  }

  private static void heading(Document document, BaseFont base, Board board) throws DocumentException {
    Paragraph title = new Paragraph("回执码公布", new Font(base, 18f, Font.BOLD));
    title.setAlignment(Element.ALIGN_CENTER);
    document.add(title);
    Paragraph event = new Paragraph(board.title(), new Font(base, 13f, Font.BOLD));
    event.setAlignment(Element.ALIGN_CENTER);
    document.add(event);
    Font text = new Font(base, 10f);
    String when = (board.date() == null ? "" : board.date() + "　") + (board.venue() == null ? "" : board.venue());
    document.add(new Paragraph(board.organizingUnit() + "　" + when, text));
    for (String line : BoardTexts.explanation(board.codes().size())) document.add(new Paragraph(line, text));
    document.add(new Paragraph(" ", text));
  }

  /**
   * The codes' font size: 11 pt, or less when the widest code would not fit its column at 11 pt. Codes of wide
   * letters ("MMMMM-WWWWW") were otherwise broken at the hyphen onto two lines, half a code under its other half.
   */
  private static float codeSize(BaseFont base, List<String> codes, Document document) {
    float column = (document.getPageSize().getWidth() - document.leftMargin() - document.rightMargin()) / COLUMNS;
    float room = column - 2 * CELL_PADDING - 2f;   // and the borders, with a point to spare
    float widest = 0;
    for (String code : codes) widest = Math.max(widest, base.getWidthPoint(code, 1f));
    return Math.min(CODE_SIZE, room / widest);
  }

  /** The codes down the columns: code i of the page sits in row i mod rows, column i div rows. */
  private static PdfPTable grid(List<String> codes, Font font) throws DocumentException {
    int rows = (codes.size() + COLUMNS - 1) / COLUMNS;
    PdfPTable table = new PdfPTable(COLUMNS);
    table.setWidthPercentage(100);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < COLUMNS; c++) {
        int i = c * rows + r;
        PdfPCell cell = new PdfPCell(new Paragraph(i < codes.size() ? codes.get(i) : "", font));
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        cell.setPaddingLeft(CELL_PADDING);
        cell.setPaddingRight(CELL_PADDING);
        cell.setPaddingBottom(4f);
        cell.setBorderColor(new java.awt.Color(0xbb, 0xbb, 0xbb));
        table.addCell(cell);
      }
    }
    return table;
  }

  /** The event and the page number at the foot of every page, so a loose page still says what it is. */
  private static final class Foot extends PdfPageEventHelper {
    private final BaseFont font;
    private final String title;

    Foot(BaseFont font, String title) {
      this.font = font;
      this.title = title;
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
      PdfContentByte canvas = writer.getDirectContent();
      String text = title + "　回执码公布　第 " + writer.getPageNumber() + " 页";
      canvas.beginText();
      canvas.setFontAndSize(font, 8.5f);
      canvas.showTextAligned(Element.ALIGN_CENTER, text, document.getPageSize().getWidth() / 2, 20, 0);
      canvas.endText();
    }
  }
}
