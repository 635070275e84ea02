package org.pingyi.ballot;

/**
 * How strictly a ballot is checked. A phone refuses a ballot that breaks the form's rules before it is cast;
 * a paper ballot is recorded as marked, because a paper voter may mark too many candidates or leave a
 * required item blank, and the tally then counts that part as invalid or unanswered as docs/domain.md says.
 */
public enum Strictness {
  /** Kinds, ids, limits and required answers: what the voter page enforces. */
  ONLINE,
  /** Kinds and ids only: limits and required answers are left to the tally. */
  PAPER;

  boolean enforcesRules() {
    return this == ONLINE;
  }
}
