package org.pingyi.form;

/**
 * An exact share such as 1/3 or 2/3, kept as integers so that "exceeds one third" never depends on rounding.
 */
public record Fraction(int numerator, int denominator) {

  /** True when 0 < numerator/denominator <= 1 with a positive denominator. */
  public boolean isProperShare() {
    return denominator >= 1 && numerator > 0 && numerator <= denominator;
  }
}
