package org.pingyi.tally;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingyi.form.Candidate;
import org.pingyi.form.Choice;
import org.pingyi.form.ExtraScale;
import org.pingyi.form.FormRules;
import org.pingyi.form.MatrixQuestion;
import org.pingyi.form.MatrixRow;
import org.pingyi.form.MultiQuestion;
import org.pingyi.form.Position;
import org.pingyi.form.Question;
import org.pingyi.form.RecommendationQuestion;
import org.pingyi.form.ScaleOption;
import org.pingyi.form.ScaleQuestion;

/**
 * One question's figures with the official denominators (docs/domain.md): scale items over the ballots that answered
 * them, cadre rows over the valid ballots, candidates over the valid ballots of their position.
 */
final class QuestionResults {
  private static final HexFormat HEX = HexFormat.of();

  private QuestionResults() {
  }

  static Map<String, Object> of(String formId, Question question, FormRules rules, boolean assessment, Counters c) {
    String key = formId + "|" + question.id();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", question.id());
    out.put("kind", question.kind());
    out.put("text", question.text());
    if (question instanceof ScaleQuestion q) scale(out, key, q.options(), assessment, c);
    else if (question instanceof MultiQuestion q) multi(out, key, q, c);
    else if (question instanceof MatrixQuestion q) matrix(out, key, q, rules, c);
    else if (question instanceof RecommendationQuestion q) recommendation(out, key, q, rules, c);
    else out.put("answered", c.get(key + "|answered"));
    return out;
  }

  /** 好评率 = favourable / answered; with a 不了解 option also the rate leaving it out; 优秀率 and 称职以上率 for grades. */
  private static void scale(Map<String, Object> out, String key, List<ScaleOption> options, boolean grades, Counters c) {
    long answered = c.get(key + "|answered");
    out.put("answered", answered);
    out.put("options", optionCounts(key, options, answered, c));
    long favourable = options.stream().filter(ScaleOption::favourable).mapToLong(o -> c.get(key + "|o:" + o.id())).sum();
    if (options.stream().anyMatch(ScaleOption::favourable)) out.put("favourableRate", Shares.percent(favourable, answered));
    options.stream().filter(ScaleOption::unknown).findFirst().ifPresent(unknown -> out.put("favourableRateExcludingUnknown",
        Shares.percent(favourable, answered - c.get(key + "|o:" + unknown.id()))));
    if (grades && options.size() >= 2) {
      long valid = c.valid();
      long first = c.get(key + "|o:" + options.get(0).id());
      long second = c.get(key + "|o:" + options.get(1).id());
      out.put("excellentRate", Shares.percent(first, valid));
      out.put("competentOrBetterRate", Shares.percent(first + second, valid));
    }
  }

  private static void multi(Map<String, Object> out, String key, MultiQuestion q, Counters c) {
    long answered = c.get(key + "|answered");
    out.put("answered", answered);
    List<Map<String, Object>> options = new ArrayList<>();
    for (Choice o : q.options()) options.add(count(o.id(), o.label(), c.get(key + "|o:" + o.id()), answered));
    out.put("options", options);
  }

  private static void matrix(Map<String, Object> out, String key, MatrixQuestion q, FormRules rules, Counters c) {
    long valid = c.valid();
    out.put("valid", valid);
    if (rules.unfavourable() != null) out.put("rule", "不认同票" + Shares.describe(rules.unfavourable().threshold()) + "有效票的予以标记");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (MatrixRow row : q.rows()) rows.add(matrixRow(key + "|" + row.id(), q, row, rules, valid, c));
    out.put("rows", rows);
    if (q.options().stream().allMatch(o -> o.score() != null)) out.put("score", weightedScore(key, q, c));
  }

  private static Map<String, Object> matrixRow(String key, MatrixQuestion q, MatrixRow row, FormRules rules, long valid,
                                               Counters c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", row.id());
    out.put("label", row.label());
    out.put("attributes", row.attributes());
    long answered = c.get(key + "|answered");
    out.put("answered", answered);
    out.put("options", optionCounts(key, q.options(), valid, c));
    long favourable = q.options().stream().filter(ScaleOption::favourable).mapToLong(o -> c.get(key + "|o:" + o.id())).sum();
    if (q.options().stream().anyMatch(ScaleOption::favourable)) out.put("favourableRate", Shares.percent(favourable, valid));
    if (rules.unfavourable() != null) {
      long unfavourable = rules.unfavourable().options().stream().mapToLong(o -> c.get(key + "|o:" + o)).sum();
      out.put("unfavourableCount", unfavourable);
      out.put("unfavourableRate", Shares.percent(unfavourable, valid));
      out.put("flagged", Shares.passes(unfavourable, valid, rules.unfavourable().threshold()));
    }
    if (q.reason() != null) {
      List<Map<String, Object>> reasons = new ArrayList<>();
      for (Choice r : q.reason().options()) reasons.add(count(r.id(), r.label(), c.get(key + "|reason:" + r.id()), valid));
      out.put("reasons", reasons);
    }
    List<Map<String, Object>> extras = new ArrayList<>();
    for (ExtraScale x : q.extra()) {
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("id", x.id());
      extra.put("label", x.label());
      List<Map<String, Object>> options = new ArrayList<>();
      for (ScaleOption o : x.options()) options.add(count(o.id(), o.label(), c.get(key + "|x:" + x.id() + ":" + o.id()), valid));
      extra.put("options", options);
      extras.add(extra);
    }
    if (!extras.isEmpty()) out.put("extra", extras);
    if (q.options().stream().allMatch(o -> o.score() != null)) out.put("score", Shares.average(scoreSum(key, q, c), answered));
    return out;
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

  private static void recommendation(Map<String, Object> out, String key, RecommendationQuestion q, FormRules rules,
                                     Counters c) {
    if (rules.majority() != null) out.put("rule", "得票" + Shares.describe(rules.majority()) + "有效票为过半数");
    List<Map<String, Object>> positions = new ArrayList<>();
    for (Position p : q.positions()) {
      positions.add(RecommendationQuestion.APPROVE.equals(q.mode()) ? approve(key + "|" + p.id(), q, p, c)
          : select(key + "|" + p.id(), p, rules, c));
    }
    out.put("positions", positions);
  }

  /** 得票率 = votes / the valid ballots for this position (returned, less unreadable, less parts with too many marks). */
  private static Map<String, Object> select(String key, Position p, FormRules rules, Counters c) {
    long invalid = c.get(key + "|invalid");
    long valid = c.valid() - invalid;
    Map<String, Object> out = position(p);
    out.put("valid", valid);
    out.put("invalid", invalid);
    out.put("abstain", c.get(key + "|abstain"));
    List<Map<String, Object>> candidates = new ArrayList<>();
    for (Candidate candidate : p.candidates()) {
      Map<String, Object> row = candidate(candidate.id(), candidate.name(), c.get(key + "|c:" + candidate.id()), valid);
      row.put("majority", Shares.passes((Long) row.get("count"), valid, rules.majority()));
      candidates.add(row);
    }
    candidates.sort(Comparator.comparing(m -> -(Long) m.get("count")));
    out.put("candidates", candidates);
    out.put("writeIns", writeIns(key, valid, rules, c));
    long leading = candidates.isEmpty() ? 0 : (Long) candidates.get(0).get("count");
    out.put("leadingRate", Shares.percent(leading, valid));
    return out;
  }

  private static List<Map<String, Object>> writeIns(String key, long valid, FormRules rules, Counters c) {
    List<Map<String, Object>> names = new ArrayList<>();
    String prefix = key + "|w:";
    c.withPrefix(prefix).forEach((hex, votes) -> {
      Map<String, Object> row = candidate(null, new String(HEX.parseHex(hex), StandardCharsets.UTF_8), votes, valid);
      row.remove("id");
      row.put("majority", Shares.passes(votes, valid, rules.majority()));
      names.add(row);
    });
    names.sort(Comparator.comparing((Map<String, Object> m) -> -(Long) m.get("count"))
        .thenComparing(m -> (String) m.get("name")));
    return names;
  }

  private static Map<String, Object> approve(String key, RecommendationQuestion q, Position p, Counters c) {
    List<Choice> options = q.approveOptionsOrDefault();
    long valid = c.valid();
    Map<String, Object> out = position(p);
    out.put("valid", valid);
    List<Map<String, Object>> candidates = new ArrayList<>();
    for (Candidate candidate : p.candidates()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", candidate.id());
      row.put("name", candidate.name());
      List<Map<String, Object>> counts = new ArrayList<>();
      for (Choice o : options) counts.add(count(o.id(), o.label(), c.get(key + "|c:" + candidate.id() + ":" + o.id()), valid));
      row.put("options", counts);
      candidates.add(row);
    }
    out.put("candidates", candidates);
    return out;
  }

  private static Map<String, Object> position(Position p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", p.id());
    out.put("title", p.title());
    out.put("seats", p.seats());
    return out;
  }

  private static List<Map<String, Object>> optionCounts(String key, List<ScaleOption> options, long whole, Counters c) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ScaleOption o : options) out.add(count(o.id(), o.label(), c.get(key + "|o:" + o.id()), whole));
    return out;
  }

  /** A candidate's votes: named {@code name}, as the form names a candidate (an option has a {@code label}). */
  private static Map<String, Object> candidate(String id, String name, long count, long whole) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("name", name);
    out.put("count", count);
    out.put("percent", Shares.percent(count, whole));
    return out;
  }

  private static Map<String, Object> count(String id, String label, long count, long whole) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("label", label);
    out.put("count", count);
    out.put("percent", Shares.percent(count, whole));
    return out;
  }
}
