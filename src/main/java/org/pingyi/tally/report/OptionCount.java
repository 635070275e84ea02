package org.pingyi.tally.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** One option's count and its share of the question's denominator (percent, two decimals; null over nothing). */
public record OptionCount(String id, String label, long count, BigDecimal percent) {

  /** The option with this id among {@code options}. */
  public static Optional<OptionCount> byId(List<OptionCount> options, String id) {
    return options.stream().filter(o -> o.id().equals(id)).findFirst();
  }
}
