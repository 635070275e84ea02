package org.pingyi.tally.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * A position whose candidates are marked: over its valid ballots (returned, less unreadable, less parts with more
 * marks than seats), the candidates and written-in names in order of votes, and the leading rate.
 */
public record SelectPosition(String id, String title, int seats, long valid, long invalid, long abstain,
                             List<Votes> candidates, List<Votes> writeIns, BigDecimal leadingRate)
    implements PositionResult {

  /** A candidate's or a written-in name's votes; {@code id} is null for a written-in name. */
  public record Votes(String id, String name, long count, BigDecimal percent, boolean majority) {
  }
}
