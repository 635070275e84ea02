package org.pingyi.tally;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.pingyi.form.Fraction;
import org.pingyi.form.Threshold;

/** Rates as printed (percent, two decimals, half up) and thresholds decided on exact integers, never on rates. */
final class Shares {

  private Shares() {
  }

  /** {@code part / whole} as a percentage with two decimals, or null when there is nothing to divide by. */
  static BigDecimal percent(long part, long whole) {
    if (whole <= 0) return null;
    return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
  }

  /** Whether {@code part} of {@code whole} passes the threshold: exceeds (strictly more) or reaches (at least). */
  static boolean passes(long part, long whole, Threshold threshold) {
    if (whole <= 0 || threshold == null) return false;
    Fraction f = threshold.share();
    long left = part * f.denominator();
    long right = whole * f.numerator();
    return Threshold.REACHES.equals(threshold.comparison()) ? left >= right : left > right;
  }

  /** The rule as printed under a table, e.g. "超过 1/3" or "达到 1/2". */
  static String describe(Threshold threshold) {
    String verb = Threshold.REACHES.equals(threshold.comparison()) ? "达到" : "超过";
    return verb + " " + threshold.share().numerator() + "/" + threshold.share().denominator();
  }

  /** The average of scores weighted by counts, two decimals; null without answers. */
  static BigDecimal average(long scoreSum, long count) {
    if (count <= 0) return null;
    return BigDecimal.valueOf(scoreSum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
  }
}
