package org.pingyi.tally.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One cadre or item of a matrix: its answers over the valid ballots; 认同率 when there are favourable options,
 * the unfavourable count, rate and flag when the form has the rule, the reasons and extra scales when asked, and
 * the average score when every option is scored. Each is null when it does not apply; {@code extra} is empty then.
 */
public record MatrixRowResult(String id, String label, Map<String, String> attributes, long answered,
                              List<OptionCount> options, Figure favourableRate, Unfavourable unfavourable,
                              List<OptionCount> reasons, List<Extra> extra, Figure score) {

  /** The count of a rule's unfavourable options, its share of the valid ballots, and whether it passes the rule. */
  public record Unfavourable(long count, BigDecimal rate, boolean flagged) {
  }

  /** A further scale asked per row (是否存在拉票行为), over the valid ballots. */
  public record Extra(String id, String label, List<OptionCount> options) {
  }

  /** The extra scale with this id. */
  public Optional<Extra> extra(String extraId) {
    return extra.stream().filter(x -> x.id().equals(extraId)).findFirst();
  }
}
