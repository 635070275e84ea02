package org.pingyi.form;

/**
 * One question of a ballot; the kinds are closed because the voter page, the validator and the tally must
 * each handle every one of them.
 */
public sealed interface Question
    permits ScaleQuestion, MultiQuestion, TextQuestion, MatrixQuestion, RecommendationQuestion {

  /** Unique across the whole form: answers are keyed by it. */
  String id();

  /** The question as printed on the ballot. */
  String text();

  /** The {@code kind} value of the JSON format. */
  String kind();
}
