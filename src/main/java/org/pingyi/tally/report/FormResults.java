package org.pingyi.tally.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * One ballot form's results: overall sections, the quorum when the form has one (else null), the 分类考核 weighted
 * scores of a 民主测评 (empty when none) or why they are withheld (else null), and each voter category's results.
 */
public record FormResults(String id, String title, String template, int minGroupSize, Quorum quorum,
                          List<SectionResults> sections, List<WeightedScore> weighted,
                          WeightedWithheld weightedWithheld, List<CategoryResults> categories) {

  /** An assessed person's Σ weight × category score, renormalised over the categories with ballots; null if none. */
  public record WeightedScore(String section, String subject, String question, BigDecimal score) {
  }

  /** The weighted categories whose suppression withholds the 分类考核 result, and the minimum they fell short of. */
  public record WeightedWithheld(String reason, List<String> categories, int minGroupSize) {
  }

  /** These results without the 分类考核 weighted scores, for a recount that cannot know them. */
  public FormResults withoutWeighted() {
    return new FormResults(id, title, template, minGroupSize, quorum, sections, List.of(), weightedWithheld, categories);
  }
}
