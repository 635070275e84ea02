package org.pingyi.form;

import java.util.List;

/**
 * The new-cadres flag: a row is flagged when the votes for {@code options} pass {@code threshold}
 * of the valid ballots (default: 不认同 exceeds 1/3).
 */
public record UnfavourableRule(Threshold threshold, List<String> options) {

  public UnfavourableRule {
    options = List.copyOf(options);
  }
}
