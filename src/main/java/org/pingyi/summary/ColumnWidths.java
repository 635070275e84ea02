package org.pingyi.summary;

import java.util.List;
import org.pingyi.summary.SummaryTable.Block;
import org.pingyi.summary.SummaryTable.Cell;
import org.pingyi.summary.SummaryTable.Head;

/**
 * Column widths in character cells (a Chinese character is two), from what the columns hold: headings wrap after
 * a few characters and long texts after a line's worth, so no column grows without bound.
 */
final class ColumnWidths {
  private static final int MIN = 6;
  private static final int HEAD_MAX = 10;
  private static final int TEXT_MAX = 36;

  private ColumnWidths() {
  }

  static int[] of(List<Block> blocks, int columns) {
    int[] widths = new int[columns];
    java.util.Arrays.fill(widths, MIN);
    for (Block block : blocks) {
      for (Head h : block.head()) {
        if (h.colSpan() == 1) widths[h.col()] = Math.max(widths[h.col()], Math.min(units(h.text()), HEAD_MAX));
      }
      for (List<Cell> row : block.rows()) {
        for (int c = 0; c < row.size(); c++) widths[c] = Math.max(widths[c], Math.min(units(row.get(c).display()), TEXT_MAX));
      }
    }
    return widths;
  }

  /** How wide a text is, in character cells. */
  static int units(String text) {
    int units = 0;
    for (int i = 0; i < text.length(); i++) units += text.charAt(i) >= 0x2E80 ? 2 : 1;
    return units;
  }

  /** How many lines a text takes in a width of {@code units}. */
  static int lines(String text, int units) {
    return Math.max(1, (units(text) + units - 1) / Math.max(1, units));
  }
}
