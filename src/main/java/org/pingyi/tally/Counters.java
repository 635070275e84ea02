package org.pingyi.tally;

import java.util.Map;

/** Reads summed counters, overall or for one voter category. */
final class Counters {
  private final Map<String, Long> all;
  private final String prefix;

  Counters(Map<String, Long> all, String categoryCode) {
    this.all = all;
    this.prefix = categoryCode == null ? "" : "c:" + categoryCode + "|";
  }

  long get(String key) {
    return all.getOrDefault(prefix + key, 0L);
  }

  /** Ballots in the results: mixed out of the ballot box (all of them once voting has closed). */
  long ballots() {
    return get("ballots");
  }

  /** Ballots cast (收回), counted at once: turnout is public in the hall. */
  long returned() {
    return get("returned");
  }

  /** The counters under {@code keyPrefix} (within this category), keyed by the rest of their key. */
  java.util.SortedMap<String, Long> withPrefix(String keyPrefix) {
    String full = prefix + keyPrefix;
    java.util.SortedMap<String, Long> found = new java.util.TreeMap<>();
    all.forEach((key, n) -> {
      if (key.startsWith(full)) found.put(key.substring(full.length()), n);
    });
    return found;
  }

  /** Ballots not invalid as a whole. */
  long valid() {
    return get("ballots") - get("unreadable");
  }
}
