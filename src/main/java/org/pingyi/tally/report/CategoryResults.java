package org.pingyi.tally.report;

import java.util.List;

/**
 * One voter category's results: its sections when shown; when suppressed, only why ({@code small},
 * {@code complementary}, {@code untilClose}) and null sections, since its figures could reveal votes.
 */
public record CategoryResults(String code, String name, long ballots, List<SectionResults> sections,
                              String suppressed) {

  public boolean shown() {
    return suppressed == null;
  }
}
