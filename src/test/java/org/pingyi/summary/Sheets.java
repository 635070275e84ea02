package org.pingyi.summary;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** Reads an exported sheet as a clerk sees it: each cell's text as Excel formats it ("33.33%"). */
final class Sheets {
  private static final DataFormatter FORMAT = new DataFormatter();

  private Sheets() {
  }

  /** The first row whose first cell is {@code first}, below the first row whose first cell starts with {@code after}. */
  static Row rowAfter(Sheet sheet, String after, String first) {
    int start = find(sheet, 0, after, true);
    int at = find(sheet, start + 1, first, false);
    return sheet.getRow(at);
  }

  /** The row's cells as printed, from the first through the last. */
  static List<String> texts(Row row) {
    List<String> texts = new ArrayList<>();
    for (int c = 0; c < row.getLastCellNum(); c++) texts.add(text(row.getCell(c)));
    return texts;
  }

  static String text(Cell cell) {
    return cell == null ? "" : FORMAT.formatCellValue(cell);
  }

  /** Every first cell of the sheet, top to bottom: captions, lines and the first column of the tables. */
  static List<String> firstCells(Sheet sheet) {
    List<String> cells = new ArrayList<>();
    for (Row row : sheet) cells.add(text(row.getCell(0)));
    return cells;
  }

  private static int find(Sheet sheet, int from, String text, boolean prefix) {
    for (int r = from; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      String first = row == null ? "" : text(row.getCell(0));
      if (prefix ? first.startsWith(text) : first.equals(text)) return r;
    }
    throw new AssertionError("no row starting with " + text + " from row " + from + " of " + sheet.getSheetName());
  }
}
