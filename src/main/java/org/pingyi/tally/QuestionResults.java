package org.pingyi.tally;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.pingyi.form.Candidate;
import org.pingyi.form.Choice;
import org.pingyi.form.FormRules;
import org.pingyi.form.MatrixQuestion;
import org.pingyi.form.MultiQuestion;
import org.pingyi.form.Position;
import org.pingyi.form.Question;
import org.pingyi.form.RecommendationQuestion;
import org.pingyi.form.ScaleOption;
import org.pingyi.form.ScaleQuestion;
import org.pingyi.tally.report.ApprovePosition;
import org.pingyi.tally.report.Figure;
import org.pingyi.tally.report.MultiResult;
import org.pingyi.tally.report.OptionCount;
import org.pingyi.tally.report.PositionResult;
import org.pingyi.tally.report.QuestionResult;
import org.pingyi.tally.report.RecommendationResult;
import org.pingyi.tally.report.ScaleResult;
import org.pingyi.tally.report.SelectPosition;
import org.pingyi.tally.report.SelectPosition.Votes;
import org.pingyi.tally.report.TextResult;

/**
 * One question's figures with the official denominators (docs/domain.md): scale items over the ballots that answered
 * them, cadre rows over the valid ballots, candidates over the valid ballots of their position.
 */
final class QuestionResults {
  private static final HexFormat HEX = HexFormat.of();

  private QuestionResults() {
  }

  static QuestionResult of(String formId, Question question, FormRules rules, boolean assessment, Counters c) {
    String key = formId + "|" + question.id();
    if (question instanceof ScaleQuestion q) return scale(q, key, assessment, c);
    if (question instanceof MultiQuestion q) return multi(q, key, c);
    if (question instanceof MatrixQuestion q) return MatrixResults.of(q, key, rules, c);
    if (question instanceof RecommendationQuestion q) return recommendation(q, key, rules, c);
    return new TextResult(question.id(), question.kind(), question.text(), c.get(key + "|answered"));
  }

  /** 好评率 = favourable / answered; with a 不了解 option also the rate leaving it out; 优秀率 and 称职以上率 for grades. */
  private static ScaleResult scale(ScaleQuestion q, String key, boolean grades, Counters c) {
    List<ScaleOption> options = q.options();
    long answered = c.get(key + "|answered");
    long favourable = options.stream().filter(ScaleOption::favourable).mapToLong(o -> c.get(key + "|o:" + o.id())).sum();
    Figure favourableRate = options.stream().anyMatch(ScaleOption::favourable)
        ? new Figure(Shares.percent(favourable, answered)) : null;
    Figure excludingUnknown = options.stream().filter(ScaleOption::unknown).findFirst()
        .map(unknown -> new Figure(Shares.percent(favourable, answered - c.get(key + "|o:" + unknown.id())))).orElse(null);
    Figure excellent = null;
    Figure competent = null;
    if (grades && options.size() >= 2) {
      long valid = c.valid();
      long first = c.get(key + "|o:" + options.get(0).id());
      long second = c.get(key + "|o:" + options.get(1).id());
      excellent = new Figure(Shares.percent(first, valid));
      competent = new Figure(Shares.percent(first + second, valid));
    }
    return new ScaleResult(q.id(), q.kind(), q.text(), answered, optionCounts(key, options, answered, c), favourableRate,
        excludingUnknown, excellent, competent);
  }

  private static MultiResult multi(MultiQuestion q, String key, Counters c) {
    long answered = c.get(key + "|answered");
    List<OptionCount> options = new ArrayList<>();
    for (Choice o : q.options()) options.add(count(o.id(), o.label(), c.get(key + "|o:" + o.id()), answered));
    return new MultiResult(q.id(), q.kind(), q.text(), answered, List.copyOf(options));
  }

  private static RecommendationResult recommendation(RecommendationQuestion q, String key, FormRules rules,
                                                     Counters c) {
    String rule = rules.majority() == null ? null : "得票" + Shares.describe(rules.majority()) + "有效票为过半数";
    List<PositionResult> positions = new ArrayList<>();
    for (Position p : q.positions()) {
      positions.add(RecommendationQuestion.APPROVE.equals(q.mode()) ? approve(key + "|" + p.id(), q, p, c)
          : select(key + "|" + p.id(), p, rules, c));
    }
    return new RecommendationResult(q.id(), q.kind(), q.text(), rule, List.copyOf(positions));
  }

  /** 得票率 = votes / the valid ballots for this position (returned, less unreadable, less parts with too many marks). */
  private static SelectPosition select(String key, Position p, FormRules rules, Counters c) {
    long invalid = c.get(key + "|invalid");
    long valid = c.valid() - invalid;
    List<Votes> candidates = new ArrayList<>();
    for (Candidate candidate : p.candidates()) {
      long count = c.get(key + "|c:" + candidate.id());
      candidates.add(new Votes(candidate.id(), candidate.name(), count, Shares.percent(count, valid),
          Shares.passes(count, valid, rules.majority())));
    }
    candidates.sort(Comparator.comparing(v -> -v.count()));
    long leading = candidates.isEmpty() ? 0 : candidates.get(0).count();
    return new SelectPosition(p.id(), p.title(), p.seats(), valid, invalid, c.get(key + "|abstain"),
        List.copyOf(candidates), writeIns(key, valid, rules, c), Shares.percent(leading, valid));
  }

  private static List<Votes> writeIns(String key, long valid, FormRules rules, Counters c) {
    List<Votes> names = new ArrayList<>();
    String prefix = key + "|w:";
    c.withPrefix(prefix).forEach((hex, votes) -> names.add(new Votes(null,
        new String(HEX.parseHex(hex), StandardCharsets.UTF_8), votes, Shares.percent(votes, valid),
        Shares.passes(votes, valid, rules.majority()))));
    names.sort(Comparator.comparing((Votes v) -> -v.count()).thenComparing(Votes::name));
    return List.copyOf(names);
  }

  private static ApprovePosition approve(String key, RecommendationQuestion q, Position p, Counters c) {
    List<Choice> options = q.approveOptionsOrDefault();
    long valid = c.valid();
    List<ApprovePosition.Candidate> candidates = new ArrayList<>();
    for (Candidate candidate : p.candidates()) {
      List<OptionCount> counts = new ArrayList<>();
      for (Choice o : options) counts.add(count(o.id(), o.label(), c.get(key + "|c:" + candidate.id() + ":" + o.id()), valid));
      candidates.add(new ApprovePosition.Candidate(candidate.id(), candidate.name(), List.copyOf(counts)));
    }
    return new ApprovePosition(p.id(), p.title(), p.seats(), valid, List.copyOf(candidates));
  }

  static List<OptionCount> optionCounts(String key, List<ScaleOption> options, long whole, Counters c) {
    List<OptionCount> out = new ArrayList<>();
    for (ScaleOption o : options) out.add(count(o.id(), o.label(), c.get(key + "|o:" + o.id()), whole));
    return List.copyOf(out);
  }

  static OptionCount count(String id, String label, long count, long whole) {
    return new OptionCount(id, label, count, Shares.percent(count, whole));
  }
}
