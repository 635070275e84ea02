package org.pingyi.tally.report;

import java.util.List;
import java.util.Optional;

/** A position whose candidates are each answered 同意 / 不同意 / 弃权, over the valid ballots. */
public record ApprovePosition(String id, String title, int seats, long valid, List<Candidate> candidates)
    implements PositionResult {

  /** One candidate's answers. */
  public record Candidate(String id, String name, List<OptionCount> options) {
  }

  /** The candidate with this id. */
  public Optional<Candidate> candidate(String candidateId) {
    return candidates.stream().filter(c -> c.id().equals(candidateId)).findFirst();
  }
}
