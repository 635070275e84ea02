package org.pingyi.tally;

/** How much of an event's tally a report gives away. */
public enum Disclosure {
  /** Voting has closed: every figure, per category too unless {@link Suppression} hides it. */
  FINAL,
  /**
   * Live results while voting is open: the overall figures, which change only in steps of at least k mixed
   * ballots; per-category figures wait for the close, since a category's step could be a single voter's ballot.
   */
  LIVE,
  /** Only the turnout line: no result at all leaves the server. */
  TURNOUT
}
