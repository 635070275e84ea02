package org.pingyi.tally.report;

/**
 * 应到, 发出 (issued less voided), 收回 (phone and paper), the ballots in the results, 有效 and 无效, with the two
 * flags an inspection asks about: more returned than issued (voids the count), more returned than expected.
 */
public record TurnoutLine(long expected, long issued, long returned, long phone, long paper, long inResults, long valid,
                          long invalid, boolean returnedExceedsIssued, boolean returnedExceedsExpected) {
}
