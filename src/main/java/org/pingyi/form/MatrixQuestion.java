package org.pingyi.form;

import java.util.List;

/**
 * Rows × one scale: one row per cadre (新提拔任用干部) or per 德/能/勤/绩/廉 (民主测评).
 *
 * @param rowHeader header of the row-label column (姓名)
 * @param reason    the follow-up reasons, or null
 * @param extra     further scales asked per row; empty when none
 */
public record MatrixQuestion(String id, String text, boolean required, List<MatrixColumn> columns,
                             List<MatrixRow> rows, String rowHeader, List<ScaleOption> options,
                             Reason reason, List<ExtraScale> extra) implements Question {

  public static final String KIND = "matrix";

  public MatrixQuestion {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
    options = List.copyOf(options);
    extra = List.copyOf(extra);
  }

  public MatrixQuestion withRows(List<MatrixRow> newRows) {
    return new MatrixQuestion(id, text, required, columns, newRows, rowHeader, options, reason, extra);
  }

  public MatrixQuestion withId(String newId) {
    return new MatrixQuestion(newId, text, required, columns, rows, rowHeader, options, reason, extra);
  }

  @Override
  public String kind() {
    return KIND;
  }
}
