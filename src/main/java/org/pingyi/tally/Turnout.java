package org.pingyi.tally;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingyi.form.Fraction;

/**
 * The turnout line: 应到, 发出 (issued less voided), 收回 (phone and paper), 有效 and 无效, overall and per
 * category. 收回 above 发出 voids the count (docs/domain.md): online it cannot happen, so it is flagged, never hidden.
 */
final class Turnout {

  private Turnout() {
  }

  static Map<String, Object> of(Map<String, Long> counters, List<TallyReport.Category> categories, long expected) {
    long issued = categories.stream().mapToLong(c -> c.issued() - c.voided()).sum();
    Map<String, Object> out = line(new Counters(counters, null), expected, issued);
    List<Map<String, Object>> perCategory = new ArrayList<>();
    for (TallyReport.Category category : categories) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("code", category.code());
      one.put("name", category.name());
      one.putAll(line(new Counters(counters, category.code()), category.expected(), category.issued() - category.voided()));
      perCategory.add(one);
    }
    out.put("categories", perCategory);
    return out;
  }

  private static Map<String, Object> line(Counters c, long expected, long issued) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("expected", expected);
    out.put("issued", issued);
    out.put("returned", c.returned());
    out.put("phone", c.get("returned:phone"));
    out.put("paper", c.get("returned:paper"));
    // Valid and invalid say something about the ballots themselves: like results, they count mixed ballots only.
    out.put("inResults", c.ballots());
    out.put("valid", c.valid());
    out.put("invalid", c.get("unreadable"));
    out.put("returnedExceedsIssued", c.returned() > issued);
    // Allowed (slips issued beyond 应到 with a reason), but an inspection asks about it: flagged, never hidden.
    out.put("returnedExceedsExpected", expected > 0 && c.returned() > expected);
    return out;
  }

  /** Whether the ballots returned (standing in for 实到) reach the quorum share of 应到. */
  static Map<String, Object> quorum(long returned, long expected, Fraction share) {
    Map<String, Object> out = new LinkedHashMap<>();
    long required = (expected * share.numerator() + share.denominator() - 1) / share.denominator();
    out.put("share", share.numerator() + "/" + share.denominator());
    out.put("required", required);
    out.put("present", returned);
    out.put("reached", returned * share.denominator() >= expected * share.numerator());
    return out;
  }
}
