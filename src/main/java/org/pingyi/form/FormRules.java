package org.pingyi.form;

/**
 * The counting settings frozen with a form and printed under the tables they affect; the optional rules
 * are null when the form's kind does not use them.
 *
 * @param minGroupSize per-category figures are shown only for categories with at least this many ballots, and only
 *                     while the hidden ones together hold at least this many (tally.Suppression)
 * @param unfavourable new-cadres flag, or null
 * @param majority     recommendation 过半数 flag, or null
 * @param quorum       recommendation share of 应到 that must be present, or null
 */
public record FormRules(int minGroupSize, UnfavourableRule unfavourable, Threshold majority, Fraction quorum) {

  public static final int DEFAULT_MIN_GROUP_SIZE = 5;

  /**
   * The ballot box mixes ballots in batches of at least this many (org.pingyi.box): the event's largest minimum
   * group size, and never fewer than the default, since a batch of one or two would undo the mixing.
   */
  public static int mixBatchSize(java.util.Collection<FormRules> eventRules) {
    return mixBatchSizeOf(eventRules.stream().map(FormRules::minGroupSize).toList());
  }

  /** {@link #mixBatchSize} from the minimum group sizes alone. */
  public static int mixBatchSizeOf(java.util.Collection<Integer> minGroupSizes) {
    return Math.max(DEFAULT_MIN_GROUP_SIZE, minGroupSizes.stream().mapToInt(Integer::intValue).max().orElse(0));
  }

  public static FormRules defaults() {
    return new FormRules(DEFAULT_MIN_GROUP_SIZE, null, null, null);
  }
}
