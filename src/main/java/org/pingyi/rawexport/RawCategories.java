package org.pingyi.rawexport;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How each voter category is named in the raw exports. A category with fewer ballots than the forms' minimum
 * group size is not named: one 主要领导 alone in a category would otherwise have their whole ballot read off the
 * raw table, which the tally's small-group rule exists to prevent. Blanking the name alone is not enough (the
 * blank rows would still be that category's), so the small categories are merged, with the smallest named ones
 * if need be, into one unnamed group of at least that many ballots.
 */
public final class RawCategories {
  /** The 票类 cell of a merged category in the tables (ballots.json keeps null): a blank cell looked like a fault. */
  static final String HIDDEN_CODE = "其他";
  static final String HIDDEN_NAME = "其他（选票不足 %d 张的类别合并，不单列）";

  private final Map<String, String> names;
  private final Set<String> hidden;
  private final int minGroupSize;

  private RawCategories(Map<String, String> names, Set<String> hidden, int minGroupSize) {
    this.names = names;
    this.hidden = hidden;
    this.minGroupSize = minGroupSize;
  }

  /**
   * @param names        category code → name, in the event's order
   * @param ballotCounts category code → ballots stored
   */
  public static RawCategories of(Map<String, String> names, Map<String, Long> ballotCounts, int minGroupSize) {
    List<Map.Entry<String, Long>> smallestFirst = ballotCounts.entrySet().stream().filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey())).toList();
    Set<String> hidden = new HashSet<>();
    long merged = 0;
    for (Map.Entry<String, Long> category : smallestFirst) {
      boolean small = category.getValue() < minGroupSize;
      if (!small && (hidden.isEmpty() || merged >= minGroupSize)) break;
      hidden.add(category.getKey());
      merged += category.getValue();
    }
    return new RawCategories(new LinkedHashMap<>(names), Set.copyOf(hidden), minGroupSize);
  }

  /** The code as exported, or null when the category is too small to be named. */
  public String code(String code) {
    return hidden.contains(code) ? null : code;
  }

  public String name(String code) {
    return hidden.contains(code) ? HIDDEN_NAME.formatted(minGroupSize) : names.getOrDefault(code, code);
  }

  public int minGroupSize() {
    return minGroupSize;
  }
}
