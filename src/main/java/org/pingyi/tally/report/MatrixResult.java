package org.pingyi.tally.report;

import java.util.List;
import java.util.Optional;

/**
 * A matrix (cadres or assessment items) over the valid ballots: the printed rule of the unfavourable flag (null
 * without one), a row per cadre or item, and the person's weighted score when every option has a score (else null).
 */
public record MatrixResult(String id, String kind, String text, long valid, String rule, List<MatrixRowResult> rows,
                           Figure score) implements QuestionResult {

  /** The row with this id. */
  public Optional<MatrixRowResult> row(String rowId) {
    return rows.stream().filter(r -> r.id().equals(rowId)).findFirst();
  }
}
