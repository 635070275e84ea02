package org.pingyi.tally.report;

import java.util.List;
import java.util.Optional;

/** A recommendation: the printed majority rule (null without one) and each position's votes. */
public record RecommendationResult(String id, String kind, String text, String rule, List<PositionResult> positions)
    implements QuestionResult {

  /** The position with this id, if it is counted in this mode. */
  public <P extends PositionResult> Optional<P> position(String positionId, Class<P> mode) {
    return positions.stream().filter(p -> p.id().equals(positionId)).filter(mode::isInstance).map(mode::cast).findFirst();
  }
}
