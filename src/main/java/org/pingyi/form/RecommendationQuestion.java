package org.pingyi.form;

import java.util.List;

/**
 * 民主推荐 (会议推荐): per position, mark candidates ({@code select}) or answer each one ({@code approve}).
 *
 * @param approveOptions the approve-mode answers, or null for the default 同意 / 不同意 / 弃权
 */
public record RecommendationQuestion(String id, String text, String mode, List<Choice> approveOptions,
                                     List<Position> positions) implements Question {

  public static final String KIND = "recommendation";
  public static final String SELECT = "select";
  public static final String APPROVE = "approve";
  /** The answers of approve mode when the form names none. */
  public static final List<Choice> DEFAULT_APPROVE_OPTIONS = List.of(
      new Choice("agree", "同意"), new Choice("disagree", "不同意"), new Choice("abstain", "弃权"));

  public RecommendationQuestion {
    approveOptions = approveOptions == null ? null : List.copyOf(approveOptions);
    positions = List.copyOf(positions);
  }

  public RecommendationQuestion withPositions(List<Position> newPositions) {
    return new RecommendationQuestion(id, text, mode, approveOptions, newPositions);
  }

  /** The approve-mode answers the voter is offered: the form's own, or the default 同意 / 不同意 / 弃权. */
  public List<Choice> approveOptionsOrDefault() {
    return approveOptions == null || approveOptions.isEmpty() ? DEFAULT_APPROVE_OPTIONS : approveOptions;
  }

  @Override
  public String kind() {
    return KIND;
  }
}
