package org.pingyi.tally.report;

/** One question's figures, by the question's kind; {@code kind} is the form's own name for it. */
public sealed interface QuestionResult
    permits ScaleResult, MultiResult, TextResult, MatrixResult, RecommendationResult {

  String id();

  String kind();

  String text();
}
