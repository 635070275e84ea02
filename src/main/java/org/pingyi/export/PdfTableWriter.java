package org.pingyi.export;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;
import java.util.Comparator;
import java.util.List;
import org.pingyi.export.SummaryPdf.PdfFonts;
import org.pingyi.export.SummaryTable.Block;
import org.pingyi.export.SummaryTable.Cell;
import org.pingyi.export.SummaryTable.Head;
import org.pingyi.export.SummaryTable.Kind;

/** Lays one summary table out in the PDF: title, header lines, each block as a table, the rules, the signatures. */
final class PdfTableWriter {
  private static final Color HEAD_FILL = new Color(225, 225, 225);
  /** About how many points one character cell of 8.5-point text takes. */
  private static final float POINTS_PER_UNIT = 4.6f;

  private final Document document;
  private final PdfFonts fonts;
  private final SummaryTable table;

  PdfTableWriter(Document document, PdfFonts fonts, SummaryTable table) {
    this.document = document;
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
    if (!block.caption().isEmpty()) {
      Paragraph caption = new Paragraph(block.caption(), fonts.caption());
      caption.setSpacingBefore(6f);
      caption.setSpacingAfter(3f);
      document.add(caption);
    }
    if (block.columns() == 0) return;
    int[] widths = Widths.of(List.of(block), block.columns());
    PdfPTable grid = new PdfPTable(block.columns());
    float natural = 0;
    for (int w : widths) natural += (w + 2) * POINTS_PER_UNIT;
    float available = document.right() - document.left();
    grid.setWidthPercentage(Math.min(100f, 100f * natural / available));
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
    document.add(grid);
  }

  private static int align(Kind kind) {
    return switch (kind) {
      case COUNT, RATE, SCORE -> Element.ALIGN_RIGHT;
      case FLAG -> Element.ALIGN_CENTER;
      default -> Element.ALIGN_LEFT;
    };
  }

  /** The signature lines in one unsplittable cell: a signature must not be parted from the table it vouches for. */
  private PdfPTable signatures() {
    PdfPTable footer = new PdfPTable(1);
    footer.setTotalWidth(document.right() - document.left());
    footer.setLockedWidth(true);
    footer.setSplitRows(false);
    footer.setSpacingBefore(12f);
    PdfPCell cell = new PdfPCell();
    cell.setBorder(PdfPCell.NO_BORDER);
    for (String line : table.footer().lines()) {
      Paragraph paragraph = new Paragraph(line, fonts.line());
      paragraph.setSpacingBefore(10f);
      cell.addElement(paragraph);
    }
    footer.addCell(cell);
    return footer;
  }

}
