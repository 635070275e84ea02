package org.pingyi.tally;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which voter categories a form's report leaves out (statistical disclosure control by complementary suppression):
 * those with fewer than minGroupSize ballots, and then as many of the smallest others as it takes for the hidden
 * ballots to number at least minGroupSize, so that overall − Σ(shown) reveals no group smaller than that.
 */
final class Suppression {

  private Suppression() {
  }

  /** Why a category's figures are left out; {@code code} is the report's {@code suppressed} value. */
  enum Reason {
    SMALL("small"), COMPLEMENTARY("complementary"),
    /** Live results: every category waits for the close (Disclosure.LIVE). */
    UNTIL_CLOSE("untilClose");

    final String code;

    Reason(String code) {
      this.code = code;
    }
  }

  /** A category's code and ballots, in display order. */
  record Group(String code, long ballots) {
  }

  /** Every category withheld until voting closes, in display order. */
  static Map<String, Reason> untilClose(List<String> codes) {
    Map<String, Reason> suppressed = new LinkedHashMap<>();
    codes.forEach(code -> suppressed.put(code, Reason.UNTIL_CLOSE));
    return suppressed;
  }

  /** The suppressed categories and why, in display order; a category not in the map is shown. */
  static Map<String, Reason> of(List<Group> groups, int minGroupSize) {
    Map<String, Reason> suppressed = new LinkedHashMap<>();
    long hidden = 0;
    List<Group> shown = new ArrayList<>();
    for (Group g : groups) {
      if (g.ballots() < minGroupSize) {
        suppressed.put(g.code(), Reason.SMALL);
        hidden += g.ballots();
      } else {
        shown.add(g);
      }
    }
    // Zero hidden ballots reveal nothing by subtraction; any other total below the minimum would.
    if (hidden == 0) return inDisplayOrder(groups, suppressed);
    shown.sort(Comparator.comparingLong(Group::ballots));   // stable: ties keep display order
    for (Group g : shown) {
      if (hidden >= minGroupSize) break;
      suppressed.put(g.code(), Reason.COMPLEMENTARY);
      hidden += g.ballots();
    }
    return inDisplayOrder(groups, suppressed);
  }

  private static Map<String, Reason> inDisplayOrder(List<Group> groups, Map<String, Reason> suppressed) {
    Map<String, Reason> ordered = new LinkedHashMap<>();
    for (Group g : groups) {
      if (suppressed.containsKey(g.code())) ordered.put(g.code(), suppressed.get(g.code()));
    }
    return ordered;
  }
}
