package org.pingyi.tally;

import static org.pingyi.tally.QuestionResults.count;
import static org.pingyi.tally.QuestionResults.optionCounts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.pingyi.form.Choice;
import org.pingyi.form.ExtraScale;
import org.pingyi.form.FormRules;
import org.pingyi.form.MatrixQuestion;
import org.pingyi.form.MatrixRow;
import org.pingyi.form.ScaleOption;
import org.pingyi.tally.report.Figure;
import org.pingyi.tally.report.MatrixResult;
import org.pingyi.tally.report.MatrixRowResult;
import org.pingyi.tally.report.OptionCount;

/**
 * A matrix question's figures (新提拔任用干部 cadres, 民主测评 items) over the valid ballots: per row the answers,
 * 认同率, the unfavourable flag, reasons and extra scales, and the person's score when every option is scored.
 */
final class MatrixResults {

  private MatrixResults() {
  }

  static MatrixResult of(MatrixQuestion q, String key, FormRules rules, Counters c) {
    long valid = c.valid();
    String rule = rules.unfavourable() == null ? null
        : "不认同票" + Shares.describe(rules.unfavourable().threshold()) + "有效票的予以标记";
    List<MatrixRowResult> rows = new ArrayList<>();
    for (MatrixRow row : q.rows()) rows.add(matrixRow(key + "|" + row.id(), q, row, rules, valid, c));
    Figure score = scored(q) ? new Figure(weightedScore(key, q, c)) : null;
    return new MatrixResult(q.id(), q.kind(), q.text(), valid, rule, List.copyOf(rows), score);
  }

  private static boolean scored(MatrixQuestion q) {
    return q.options().stream().allMatch(o -> o.score() != null);
  }

  private static MatrixRowResult matrixRow(String key, MatrixQuestion q, MatrixRow row, FormRules rules, long valid,
                                           Counters c) {
    long answered = c.get(key + "|answered");
    long favourable = q.options().stream().filter(ScaleOption::favourable).mapToLong(o -> c.get(key + "|o:" + o.id())).sum();
    Figure favourableRate = q.options().stream().anyMatch(ScaleOption::favourable)
        ? new Figure(Shares.percent(favourable, valid)) : null;
    MatrixRowResult.Unfavourable unfavourable = null;
    if (rules.unfavourable() != null) {
      long count = rules.unfavourable().options().stream().mapToLong(o -> c.get(key + "|o:" + o)).sum();
      unfavourable = new MatrixRowResult.Unfavourable(count, Shares.percent(count, valid),
          Shares.passes(count, valid, rules.unfavourable().threshold()));
    }
    List<OptionCount> reasons = null;
    if (q.reason() != null) {
      reasons = new ArrayList<>();
      for (Choice r : q.reason().options()) reasons.add(count(r.id(), r.label(), c.get(key + "|reason:" + r.id()), valid));
      reasons = List.copyOf(reasons);
    }
    List<MatrixRowResult.Extra> extras = new ArrayList<>();
    for (ExtraScale x : q.extra()) {
      List<OptionCount> options = new ArrayList<>();
      for (ScaleOption o : x.options()) options.add(count(o.id(), o.label(), c.get(key + "|x:" + x.id() + ":" + o.id()), valid));
      extras.add(new MatrixRowResult.Extra(x.id(), x.label(), List.copyOf(options)));
    }
    Figure score = scored(q) ? new Figure(Shares.average(scoreSum(key, q, c), answered)) : null;
    return new MatrixRowResult(row.id(), row.label(), row.attributes(), answered,
        optionCounts(key, q.options(), valid, c), favourableRate, unfavourable, reasons, List.copyOf(extras), score);
  }

  /** The person's score as shown: {@link #exactScore}, rounded once, to two decimals. */
  static BigDecimal weightedScore(String key, MatrixQuestion q, Counters c) {
    BigDecimal exact = exactScore(key, q, c);
    return exact == null ? null : exact.setScale(2, java.math.RoundingMode.HALF_UP);
  }

  /**
   * The person's score unrounded (to 10 decimals): row averages weighted by row weights (equal when none is set).
   * Anything computed from it (the 分类考核 weighting) rounds only its own result: rounding each category's
   * score first can move the weighted one by a hundredth.
   */
  static BigDecimal exactScore(String key, MatrixQuestion q, Counters c) {
    BigDecimal sum = BigDecimal.ZERO;
    long weights = 0;
    for (MatrixRow row : q.rows()) {
      long answered = c.get(key + "|" + row.id() + "|answered");
      if (answered == 0) continue;
      long weight = row.weight() == null ? 1 : row.weight();
      sum = sum.add(BigDecimal.valueOf(scoreSum(key + "|" + row.id(), q, c)).multiply(BigDecimal.valueOf(weight))
          .divide(BigDecimal.valueOf(answered), 10, java.math.RoundingMode.HALF_UP));
      weights += weight;
    }
    return weights == 0 ? null : sum.divide(BigDecimal.valueOf(weights), 10, java.math.RoundingMode.HALF_UP);
  }

  private static long scoreSum(String rowKey, MatrixQuestion q, Counters c) {
    return q.options().stream().mapToLong(o -> c.get(rowKey + "|o:" + o.id()) * o.score()).sum();
  }
}
