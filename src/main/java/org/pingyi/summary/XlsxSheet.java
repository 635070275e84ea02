package org.pingyi.summary;

import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.pingyi.summary.SummaryTable.Block;
import org.pingyi.summary.SummaryTable.Head;
import org.pingyi.summary.SummaryTable.Kind;

/** Lays one summary table out on a sheet, top to bottom; counts, rates and scores are written as numbers. */
final class XlsxSheet {
  /** Row height per line of 10-point text, and the taller rows left for signatures. */
  private static final float LINE_POINTS = 14f;
  private static final float SIGNATURE_POINTS = 30f;
  /** Room for the seal at the right under the signatures: an official seal is 42 mm (119 points) across. */
  private static final float SEAL_POINTS = 120f;

  private final Sheet sheet;
  private final XlsxStyles styles;
  private final SummaryTable table;
  private final int columns;
  private final int[] widths;
  private int row;

  XlsxSheet(Sheet sheet, XlsxStyles styles, SummaryTable table) {
    this.sheet = sheet;
    this.styles = styles;
    this.table = table;
    this.columns = table.columns();
    this.widths = ColumnWidths.of(table.blocks(), columns);
  }

  /** Writes the table and returns how many rows at the top are its title rows (repeated on every printed page). */
  int write() {
    for (int c = 0; c < columns; c++) sheet.setColumnWidth(c, (widths[c] + 2) * 256);
    across(table.title(), styles.title, 30f);
    table.header().forEach(line -> across(line, styles.line, 0));
    int titleRows = row;
    row++;
    for (Block block : table.blocks()) block(block);
    row++;
    across("注：", styles.caption, 0);
    List<String> notes = table.notes();
    for (int i = 0; i < notes.size(); i++) across((i + 1) + ". " + notes.get(i), styles.note, 0);
    row++;
    table.footer().lines().forEach(line -> across(line, styles.line, SIGNATURE_POINTS));
    across(SummaryTable.Footer.SEAL + "　　　　", styles.seal, SEAL_POINTS);
    return titleRows;
  }

  private void block(Block block) {
    if (!block.caption().isEmpty()) across(block.caption(), styles.caption, 0);
    if (block.columns() == 0) return;
    int top = row;
    for (int r = 0; r < block.headRows(); r++) {
      Row heading = sheet.createRow(row++);
      // Every cell of a merged heading gets the style, so the borders are drawn all round it.
      for (int c = 0; c < block.columns(); c++) heading.createCell(c).setCellStyle(styles.head);
      heading.setHeightInPoints(LINE_POINTS * 2);
    }
    for (Head h : block.head()) {
      sheet.getRow(top + h.row()).getCell(h.col()).setCellValue(h.text());
      if (h.rowSpan() > 1 || h.colSpan() > 1) {
        sheet.addMergedRegion(new CellRangeAddress(top + h.row(), top + h.row() + h.rowSpan() - 1, h.col(),
            h.col() + h.colSpan() - 1));
      }
    }
    block.rows().forEach(this::bodyRow);
    row++;
  }

  private void bodyRow(List<SummaryTable.Cell> cells) {
    Row out = sheet.createRow(row++);
    int lines = 1;
    for (int c = 0; c < cells.size(); c++) {
      SummaryTable.Cell cell = cells.get(c);
      Cell target = out.createCell(c);
      target.setCellStyle(styles.body(cell.kind()));
      if (cell.kind() == Kind.COUNT) target.setCellValue(cell.count());
      // A rate is a fraction formatted as a percentage, as Excel keeps them: 33.33% is 0.3333, exactly the tally's.
      else if (cell.kind() == Kind.RATE && cell.number() != null) target.setCellValue(cell.number().movePointLeft(2).doubleValue());
      else if (cell.kind() == Kind.SCORE && cell.number() != null) target.setCellValue(cell.number().doubleValue());
      else target.setCellValue(cell.display());
      lines = Math.max(lines, ColumnWidths.lines(cell.display(), widths[c] + 2));
    }
    out.setHeightInPoints(LINE_POINTS * lines + 4);
  }

  /** A line across the whole table (merged), tall enough for its text to wrap into, or {@code points} high. */
  private void across(String text, CellStyle style, float points) {
    Row out = sheet.createRow(row++);
    Cell cell = out.createCell(0);
    cell.setCellValue(text);
    cell.setCellStyle(style);
    if (columns > 1) sheet.addMergedRegion(new CellRangeAddress(row - 1, row - 1, 0, columns - 1));
    int total = 0;
    for (int w : widths) total += w + 2;
    out.setHeightInPoints(points > 0 ? points : LINE_POINTS * ColumnWidths.lines(text, total) + 4);
  }
}
