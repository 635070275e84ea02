package org.pingyi.summary;

import java.util.ArrayList;
import java.util.List;
import org.pingyi.summary.SummaryTable.Head;

/**
 * Column headings of one or two rows: single headings span both rows, an option heads the pair 票数 / 比例 below it.
 */
final class ColumnHeadings {
  private final List<Head> heads = new ArrayList<>();
  private final int rows;
  private int col;

  private ColumnHeadings(int rows) {
    this.rows = rows;
  }

  /** Two heading rows when any option pair follows, else one. */
  static ColumnHeadings of(boolean pairs) {
    return new ColumnHeadings(pairs ? 2 : 1);
  }

  ColumnHeadings single(String text) {
    heads.add(new Head(text, 0, col++, rows, 1));
    return this;
  }

  ColumnHeadings singles(List<String> texts) {
    texts.forEach(this::single);
    return this;
  }

  /** An option with its count and its rate beneath it. */
  ColumnHeadings pair(String option, String countLabel) {
    if (rows < 2) throw new IllegalStateException("a pair needs two heading rows");
    heads.add(new Head(option, 0, col, 1, 2));
    heads.add(new Head(countLabel, 1, col, 1, 1));
    heads.add(new Head("比例", 1, col + 1, 1, 1));
    col += 2;
    return this;
  }

  int columns() {
    return col;
  }

  List<Head> build() {
    return List.copyOf(heads);
  }
}
