package org.pingyi.summary;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.util.Comparator;
import java.util.List;
import org.pingyi.summary.SummaryPdf.PdfFonts;
import org.pingyi.summary.SummaryTable.Block;
import org.pingyi.summary.SummaryTable.Cell;
import org.pingyi.summary.SummaryTable.Head;
import org.pingyi.summary.SummaryTable.Kind;

/**
 * Lays one summary table out in the PDF: title, header lines, each block as a table, the rules, the signatures
 * with room for the seal. Every block spans the text width, and blocks of as many columns share their column widths,
 * so the tables of one summary line up. A block that fits on a page is never split across two.
 */
final class PdfTableWriter {
  private static final Color HEAD_FILL = new Color(225, 225, 225);
  /** An official seal is 42 mm across; its place beside the signatures is a little larger. */
  private static final float SEAL_POINTS = 130f;

  private final Document document;
  private final PdfWriter writer;
  private final PdfFonts fonts;
  private final SummaryTable table;

  PdfTableWriter(Document document, PdfWriter writer, PdfFonts fonts, SummaryTable table) {
    this.document = document;
    this.writer = writer;
    this.fonts = fonts;
    this.table = table;
  }

  void write() throws DocumentException {
    Paragraph title = new Paragraph(table.title(), fonts.title());
    title.setAlignment(Element.ALIGN_CENTER);
    title.setSpacingAfter(8f);
    document.add(title);
    for (String line : table.header()) document.add(new Paragraph(line, fonts.line()));
    for (Block block : table.blocks()) block(block);
    Paragraph notes = new Paragraph("注：", fonts.caption());
    notes.setSpacingBefore(8f);
    document.add(notes);
    for (int i = 0; i < table.notes().size(); i++) document.add(new Paragraph((i + 1) + ". " + table.notes().get(i), fonts.note()));
    document.add(signatures());
  }

  private void block(Block block) throws DocumentException {
    Paragraph caption = block.caption().isEmpty() ? null : new Paragraph(block.caption(), fonts.caption());
    if (caption != null) {
      caption.setSpacingBefore(6f);
      caption.setSpacingAfter(3f);
    }
    if (block.columns() == 0) {
      if (caption != null) document.add(caption);
      return;
    }
    PdfPTable grid = grid(block);
    keepTogether(grid.calculateHeights(true) + (caption == null ? 0 : 30f));
    if (caption != null) document.add(caption);
    document.add(grid);
  }

  /**
   * Starts a new page when what follows would fit on a page of its own but not in the room left on this one, so a
   * five-row table is not printed three rows here and two overleaf. Longer tables break, their heading repeated.
   */
  private void keepTogether(float height) {
    float left = writer.getVerticalPosition(true) - document.bottom();
    float page = document.top() - document.bottom() - 30f;
    if (height > left && height <= page) document.newPage();
  }

  private PdfPTable grid(Block block) throws DocumentException {
    List<Block> alike = table.blocks().stream().filter(b -> b.columns() == block.columns()).toList();
    int[] widths = ColumnWidths.of(alike, block.columns());
    PdfPTable grid = new PdfPTable(block.columns());
    grid.setTotalWidth(document.right() - document.left());
    grid.setLockedWidth(true);
    grid.setHorizontalAlignment(Element.ALIGN_LEFT);
    float[] relative = new float[widths.length];
    for (int i = 0; i < widths.length; i++) relative[i] = widths[i] + 2;
    grid.setWidths(relative);
    grid.setHeaderRows(block.headRows());
    // Cells are added row by row; the table itself skips the places taken by headings spanning from above.
    for (Head h : block.head().stream().sorted(Comparator.comparingInt(Head::row).thenComparingInt(Head::col)).toList()) {
      PdfPCell cell = SummaryPdf.cell(h.text(), fonts.head(), Element.ALIGN_CENTER);
      cell.setRowspan(h.rowSpan());
      cell.setColspan(h.colSpan());
      cell.setBackgroundColor(HEAD_FILL);
      grid.addCell(cell);
    }
    for (List<Cell> row : block.rows()) {
      for (Cell c : row) grid.addCell(SummaryPdf.cell(c.display(), fonts.text(), align(c.kind())));
    }
    grid.setSpacingAfter(4f);
    return grid;
  }

  private static int align(Kind kind) {
    return switch (kind) {
      case COUNT, RATE, SCORE -> Element.ALIGN_RIGHT;
      case FLAG -> Element.ALIGN_CENTER;
      default -> Element.ALIGN_LEFT;
    };
  }

  /**
   * The signature lines in one unsplittable row, the seal's place beside them: a signature must not be parted from
   * the table it vouches for.
   */
  private PdfPTable signatures() throws DocumentException {
    float width = document.right() - document.left();
    PdfPTable footer = new PdfPTable(2);
    footer.setTotalWidth(width);
    footer.setLockedWidth(true);
    footer.setWidths(new float[] {width - SEAL_POINTS, SEAL_POINTS});
    footer.setSplitRows(false);
    footer.setSpacingBefore(12f);
    PdfPCell lines = new PdfPCell();
    lines.setBorder(PdfPCell.NO_BORDER);
    for (String line : table.footer().lines()) {
      Paragraph paragraph = new Paragraph(line, fonts.line());
      paragraph.setSpacingBefore(10f);
      lines.addElement(paragraph);
    }
    footer.addCell(lines);
    PdfPCell seal = SummaryPdf.cell(SummaryTable.Footer.SEAL, fonts.line(), Element.ALIGN_CENTER);
    seal.setBorder(PdfPCell.NO_BORDER);
    seal.setVerticalAlignment(Element.ALIGN_BOTTOM);
    seal.setMinimumHeight(SEAL_POINTS);
    footer.addCell(seal);
    return footer;
  }

}
