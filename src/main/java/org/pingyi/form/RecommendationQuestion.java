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

  public RecommendationQuestion {
    approveOptions = approveOptions == null ? null : List.copyOf(approveOptions);
    positions = List.copyOf(positions);
  }

  public RecommendationQuestion withPositions(List<Position> newPositions) {
    return new RecommendationQuestion(id, text, mode, approveOptions, newPositions);
  }

  @Override
  public String kind() {
    return KIND;
  }
}
