package org.pingyi.form;

import java.util.List;

/**
 * A post to recommend for: at most {@code seats} marks; {@code equalSlate} (等额) means the organiser
 * lists no more candidates than seats on purpose.
 */
public record Position(String id, String title, int seats, boolean writeIns, boolean equalSlate,
                       List<Candidate> candidates) {

  public Position {
    candidates = List.copyOf(candidates);
  }

  public Position withCandidates(List<Candidate> newCandidates) {
    return new Position(id, title, seats, writeIns, equalSlate, newCandidates);
  }
}
