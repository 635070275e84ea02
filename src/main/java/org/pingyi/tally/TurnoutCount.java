package org.pingyi.tally;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pingyi.form.Fraction;
import org.pingyi.tally.report.Quorum;
import org.pingyi.tally.report.Turnout;
import org.pingyi.tally.report.TurnoutLine;

/**
 * Counts the turnout line: 应到, 发出 (issued less voided), 收回 (phone and paper), 有效 and 无效, overall and per
 * category. 收回 above 发出 voids the count (docs/domain.md): online it cannot happen, so it is flagged, never hidden.
 */
final class TurnoutCount {

  private TurnoutCount() {
  }

  static Turnout of(Map<String, Long> counters, List<TallyReport.Category> categories, long expected) {
    long issued = categories.stream().mapToLong(c -> c.issued() - c.voided()).sum();
    List<Turnout.Category> perCategory = new ArrayList<>();
    for (TallyReport.Category category : categories) {
      perCategory.add(new Turnout.Category(category.code(), category.name(),
          line(new Counters(counters, category.code()), category.expected(), category.issued() - category.voided())));
    }
    return new Turnout(line(new Counters(counters, null), expected, issued), List.copyOf(perCategory));
  }

  private static TurnoutLine line(Counters c, long expected, long issued) {
    // Valid and invalid say something about the ballots themselves: like results, they count mixed ballots only.
    // More returned than expected is allowed (slips issued beyond 应到 with a reason), but an inspection asks about
    // it: flagged, never hidden.
    return new TurnoutLine(expected, issued, c.returned(), c.get("returned:phone"), c.get("returned:paper"),
        c.ballots(), c.valid(), c.get("unreadable"), c.returned() > issued, expected > 0 && c.returned() > expected);
  }

  /** Whether the ballots returned (standing in for 实到) reach the quorum share of 应到. */
  static Quorum quorum(long returned, long expected, Fraction share) {
    long required = (expected * share.numerator() + share.denominator() - 1) / share.denominator();
    return new Quorum(share.numerator() + "/" + share.denominator(), required, returned,
        returned * share.denominator() >= expected * share.numerator());
  }
}
