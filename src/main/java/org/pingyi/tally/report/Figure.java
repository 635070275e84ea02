package org.pingyi.tally.report;

import java.math.BigDecimal;

/**
 * A rate or score that applies to its question: {@code value} is null when there is nothing to divide by (JSON null),
 * while a null Figure means the figure does not apply to the form at all (left out of the JSON).
 */
public record Figure(BigDecimal value) {

  /** The value, or null whether the figure is missing or has nothing to divide by: as a table prints "—". */
  public static BigDecimal valueOf(Figure figure) {
    return figure == null ? null : figure.value();
  }
}
