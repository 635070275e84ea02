package org.pingyi.tally;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pingyi.ballot.BallotForm;
import org.pingyi.form.FormDefinition;
import org.pingyi.form.FormRules;
import org.pingyi.form.MatrixQuestion;
import org.pingyi.form.Question;
import org.pingyi.form.Section;
import org.pingyi.tally.report.CategoryResults;
import org.pingyi.tally.report.FormResults;
import org.pingyi.tally.report.FormResults.WeightedScore;
import org.pingyi.tally.report.FormResults.WeightedWithheld;
import org.pingyi.tally.report.QuestionResult;
import org.pingyi.tally.report.SectionResults;

/** One form's part of {@link TallyReport}: overall, 分类考核 and per voter category unless {@link Suppression} hides it. */
final class FormTally {

  private FormTally() {
  }

  static FormResults of(BallotForm form, Map<String, Long> counters, List<TallyReport.Category> categories,
                        long expected, Disclosure disclosure) {
    FormDefinition definition = form.definition();
    FormRules rules = definition.rules();
    Counters all = new Counters(counters, null);
    Map<String, Suppression.Reason> suppressed = disclosure == Disclosure.LIVE ? Suppression.untilClose(categories.stream()
        .map(TallyReport.Category::code).toList()) : Suppression.of(categories.stream()
        .map(c -> new Suppression.Group(c.code(), new Counters(counters, c.code()).ballots())).toList(),
        rules.minGroupSize());
    boolean assessment = "assessment".equals(definition.template());
    WeightedWithheld withheld = assessment ? withheld(form, counters, categories, suppressed) : null;
    List<WeightedScore> weighted = assessment && withheld == null ? weightedScores(form, counters, categories) : List.of();
    return new FormResults(form.id(), definition.title(), definition.template(), rules.minGroupSize(),
        rules.quorum() == null ? null : TurnoutCount.quorum(all.returned(), expected, rules.quorum()),
        sections(form, all), weighted, withheld, categories(form, counters, categories, suppressed));
  }

  private static List<CategoryResults> categories(BallotForm form, Map<String, Long> counters,
                                                  List<TallyReport.Category> categories,
                                                  Map<String, Suppression.Reason> suppressed) {
    List<CategoryResults> perCategory = new ArrayList<>();
    for (TallyReport.Category category : categories) {
      Counters c = new Counters(counters, category.code());
      Suppression.Reason reason = suppressed.get(category.code());
      // A suppressed group's figures are left out entirely, not hidden by the page: they could reveal votes.
      perCategory.add(new CategoryResults(category.code(), category.name(), c.ballots(),
          reason == null ? sections(form, c) : null, reason == null ? null : reason.code));
    }
    return List.copyOf(perCategory);
  }

  /**
   * Why the 分类考核 result is withheld, or null. With a weighted category suppressed, the overall average and the
   * weighted score are two equations whose unknowns are the categories' averages (their ballot counts are public in
   * the turnout line): with two categories the small one's average is solved exactly, so no weighted score is given.
   */
  private static WeightedWithheld withheld(BallotForm form, Map<String, Long> counters,
                                           List<TallyReport.Category> categories,
                                           Map<String, Suppression.Reason> suppressed) {
    List<String> hidden = categories.stream().filter(c -> c.weight() != null && suppressed.containsKey(c.code())
        && new Counters(counters, c.code()).ballots() > 0).map(TallyReport.Category::code).toList();
    return hidden.isEmpty() ? null
        : new WeightedWithheld("suppressedCategory", hidden, form.definition().rules().minGroupSize());
  }

  private static List<SectionResults> sections(BallotForm form, Counters c) {
    boolean assessment = "assessment".equals(form.definition().template());
    List<SectionResults> sections = new ArrayList<>();
    for (Section section : form.definition().sections()) {
      List<QuestionResult> questions = new ArrayList<>();
      for (Question q : section.questions()) {
        questions.add(QuestionResults.of(form.id(), q, form.definition().rules(), assessment, c));
      }
      sections.add(new SectionResults(section.id(), section.title(),
          section.subject() == null ? null : section.subject().name(), List.copyOf(questions)));
    }
    return List.copyOf(sections);
  }

  /** The 分类考核 weighted results: for each assessed person, Σ weight × category score over weighted categories. */
  static List<WeightedScore> weightedScores(BallotForm form, Map<String, Long> counters,
                                            List<TallyReport.Category> categories) {
    List<WeightedScore> out = new ArrayList<>();
    if (categories.stream().noneMatch(c -> c.weight() != null)) return out;
    for (Section section : form.definition().sections()) {
      for (Question q : section.questions()) {
        if (!(q instanceof MatrixQuestion matrix) || matrix.options().stream().anyMatch(o -> o.score() == null)) continue;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (TallyReport.Category category : categories) {
          if (category.weight() == null) continue;
          BigDecimal score = MatrixResults.exactScore(form.id() + "|" + q.id(), matrix,
              new Counters(counters, category.code()));
          // Weights are renormalised over the categories that returned ballots (docs/domain.md, 分类考核).
          if (score == null) continue;
          BigDecimal weight = BigDecimal.valueOf(category.weight());
          sum = sum.add(weight.multiply(score));
          weights = weights.add(weight);
        }
        out.add(new WeightedScore(section.id(), section.subject() == null ? section.title() : section.subject().name(),
            q.id(), weights.signum() == 0 ? null : sum.divide(weights, 2, RoundingMode.HALF_UP)));
      }
    }
    return List.copyOf(out);
  }
}
