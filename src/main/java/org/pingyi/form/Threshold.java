package org.pingyi.form;

/**
 * A share that a count must exceed ({@code exceeds}) or reach ({@code reaches}) to raise a flag; the
 * comparison is kept as the JSON text so the validator can report an unknown value at its path.
 */
public record Threshold(Fraction share, String comparison) {

  public static final String EXCEEDS = "exceeds";
  public static final String REACHES = "reaches";

  public static Threshold exceeds(int numerator, int denominator) {
    return new Threshold(new Fraction(numerator, denominator), EXCEEDS);
  }
}
