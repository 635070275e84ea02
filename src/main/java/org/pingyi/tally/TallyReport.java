package org.pingyi.tally;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingyi.ballot.BallotForm;
import org.pingyi.form.FormDefinition;
import org.pingyi.form.FormRules;
import org.pingyi.form.MatrixQuestion;
import org.pingyi.form.Question;
import org.pingyi.form.Section;

/**
 * An event's tally from its summed counters ({@link TallyCounters}): the turnout line, and per form and question
 * the counts, rates and flags of docs/domain.md, overall and per voter category unless {@link Suppression} hides it.
 * Plain maps and lists, in display order, ready to be written as JSON.
 */
public final class TallyReport {

  private TallyReport() {
  }

  /** A voter category with its 应到 and optional 分类考核 weight, and how many slips it was issued and voided. */
  public record Category(String code, String name, long expected, Double weight, long issued, long voided) {
  }

  /**
   * @param expected     the event's 应到人数
   * @param disclosure   what may be given away: with {@link Disclosure#TURNOUT} only the turnout line is built
   */
  public static Map<String, Object> of(List<BallotForm> forms, Map<String, Long> counters, List<Category> categories,
                                       long expected, Disclosure disclosure) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("turnout", Turnout.of(counters, categories, expected));
    if (disclosure == Disclosure.TURNOUT) return report;
    List<Map<String, Object>> results = new ArrayList<>();
    for (BallotForm form : forms) results.add(form(form, counters, categories, expected, disclosure));
    report.put("forms", results);
    return report;
  }

  private static Map<String, Object> form(BallotForm form, Map<String, Long> counters, List<Category> categories,
                                          long expected, Disclosure disclosure) {
    FormDefinition definition = form.definition();
    FormRules rules = definition.rules();
    Counters all = new Counters(counters, null);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", form.id());
    out.put("title", definition.title());
    out.put("template", definition.template());
    out.put("minGroupSize", rules.minGroupSize());
    if (rules.quorum() != null) out.put("quorum", Turnout.quorum(all.returned(), expected, rules.quorum()));
    out.put("sections", sections(form, all));
    Map<String, Suppression.Reason> suppressed = disclosure == Disclosure.LIVE ? Suppression.untilClose(categories.stream()
        .map(Category::code).toList()) : Suppression.of(categories.stream()
        .map(c -> new Suppression.Group(c.code(), new Counters(counters, c.code()).ballots())).toList(),
        rules.minGroupSize());
    if ("assessment".equals(definition.template())) weighted(out, form, counters, categories, suppressed);
    out.put("categories", categories(form, counters, categories, suppressed));
    return out;
  }

  private static List<Map<String, Object>> categories(BallotForm form, Map<String, Long> counters,
                                                      List<Category> categories,
                                                      Map<String, Suppression.Reason> suppressed) {
    List<Map<String, Object>> perCategory = new ArrayList<>();
    for (Category category : categories) {
      Counters c = new Counters(counters, category.code());
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("code", category.code());
      one.put("name", category.name());
      one.put("ballots", c.ballots());
      Suppression.Reason reason = suppressed.get(category.code());
      one.put("shown", reason == null);
      // A suppressed group's figures are left out entirely, not hidden by the page: they could reveal votes.
      if (reason == null) one.put("sections", sections(form, c));
      else one.put("suppressed", reason.code);
      perCategory.add(one);
    }
    return perCategory;
  }

  /**
   * The 分类考核 result, or why it is withheld. With a weighted category suppressed, the overall average and the
   * weighted score are two equations whose unknowns are the categories' averages (their ballot counts are public in
   * the turnout line): with two categories the small one's average is solved exactly, so no weighted score is given.
   */
  private static void weighted(Map<String, Object> out, BallotForm form, Map<String, Long> counters,
                               List<Category> categories, Map<String, Suppression.Reason> suppressed) {
    List<String> hidden = categories.stream().filter(c -> c.weight() != null && suppressed.containsKey(c.code())
        && new Counters(counters, c.code()).ballots() > 0).map(Category::code).toList();
    if (!hidden.isEmpty()) {
      Map<String, Object> withheld = new LinkedHashMap<>();
      withheld.put("reason", "suppressedCategory");
      withheld.put("categories", hidden);
      withheld.put("minGroupSize", form.definition().rules().minGroupSize());
      out.put("weightedWithheld", withheld);
      return;
    }
    List<Map<String, Object>> weighted = Weighting.weightedScores(form, counters, categories);
    if (!weighted.isEmpty()) out.put("weighted", weighted);
  }

  private static List<Map<String, Object>> sections(BallotForm form, Counters c) {
    boolean assessment = "assessment".equals(form.definition().template());
    List<Map<String, Object>> sections = new ArrayList<>();
    for (Section section : form.definition().sections()) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("id", section.id());
      out.put("title", section.title());
      if (section.subject() != null) out.put("subject", section.subject().name());
      List<Map<String, Object>> questions = new ArrayList<>();
      for (Question q : section.questions()) {
        questions.add(QuestionResults.of(form.id(), q, form.definition().rules(), assessment, c));
      }
      out.put("questions", questions);
      sections.add(out);
    }
    return sections;
  }

  /** The 分类考核 weighted results: for each assessed person, Σ weight × category score over weighted categories. */
  static final class Weighting {

    private Weighting() {
    }

    static List<Map<String, Object>> weightedScores(BallotForm form, Map<String, Long> counters, List<Category> categories) {
      List<Map<String, Object>> out = new ArrayList<>();
      if (categories.stream().noneMatch(c -> c.weight() != null)) return out;
      for (Section section : form.definition().sections()) {
        for (Question q : section.questions()) {
          if (!(q instanceof MatrixQuestion matrix) || matrix.options().stream().anyMatch(o -> o.score() == null)) continue;
          BigDecimal sum = BigDecimal.ZERO;
          BigDecimal weights = BigDecimal.ZERO;
          for (Category category : categories) {
            if (category.weight() == null) continue;
            BigDecimal score = QuestionResults.exactScore(form.id() + "|" + q.id(), matrix,
                new Counters(counters, category.code()));
            // Weights are renormalised over the categories that returned ballots (docs/domain.md, 分类考核).
            if (score == null) continue;
            BigDecimal weight = BigDecimal.valueOf(category.weight());
            sum = sum.add(weight.multiply(score));
            weights = weights.add(weight);
          }
          Map<String, Object> one = new LinkedHashMap<>();
          one.put("section", section.id());
          one.put("subject", section.subject() == null ? section.title() : section.subject().name());
          one.put("question", q.id());
          one.put("score", weights.signum() == 0 ? null : sum.divide(weights, 2, RoundingMode.HALF_UP));
          out.add(one);
        }
      }
      return out;
    }
  }
}
