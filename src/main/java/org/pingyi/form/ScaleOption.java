package org.pingyi.form;

/**
 * One grade of a single-choice scale (好, 较好, ..., 不了解).
 *
 * @param score      points used by the assessment score, or null when the scale is not scored
 * @param favourable counted in the 好评率 / 认同率 numerator
 * @param unknown    the 不了解 option, left out of the denominator of the second rate
 */
public record ScaleOption(String id, String label, Integer score, boolean favourable, boolean unknown) {

  public static ScaleOption plain(String id, String label) {
    return new ScaleOption(id, label, null, false, false);
  }
}
