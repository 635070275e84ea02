package org.pingyi.probation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.pingyi.tally.TallyReport;
import org.pingyi.tally.report.Figure;
import org.pingyi.tally.report.FormResults;
import org.pingyi.tally.report.ScaleResult;
import org.pingyi.tally.report.SectionResults;

/**
 * Finds one person's figures in an event's tally report ({@link TallyReport}, as the summary tables print it): the
 * 优秀率 and 称职以上率 of the person's 总体评价, and the share of its last grade (不称职). Nothing is recomputed here:
 * the rates are the report's own, with its denominators and rounding.
 */
final class AssessmentFigures {

  /** The three figures, each a percentage with two decimals or null when the report has none (no valid ballot). */
  record Figures(BigDecimal excellentRate, BigDecimal competentOrBetterRate, BigDecimal incompetentShare) {
  }

  private AssessmentFigures() {
  }

  /**
   * The person's figures: the section with this id whose subject is this name in a 民主测评 form, else the only such
   * section with this name (the organizer may have re-pasted the persons); empty when the person is not on any form.
   */
  static Optional<Figures> of(TallyReport report, String sectionId, String name) {
    List<SectionResults> sections = (report.forms() == null ? List.<FormResults>of() : report.forms()).stream()
        .filter(form -> "assessment".equals(form.template()))
        .flatMap(form -> form.sections().stream())
        .filter(section -> name.equals(section.subject()))
        .toList();
    Optional<SectionResults> section = sections.stream().filter(s -> s.id().equals(sectionId)).findFirst();
    if (section.isEmpty() && sections.size() == 1) section = Optional.of(sections.get(0));
    return section.flatMap(AssessmentFigures::overall);
  }

  /** The section's graded question: the one the report gives a 优秀率 (the 总体评价). */
  private static Optional<Figures> overall(SectionResults section) {
    return section.questions().stream()
        .filter(ScaleResult.class::isInstance).map(ScaleResult.class::cast)
        .filter(q -> q.excellentRate() != null)
        .findFirst()
        .map(q -> {
          BigDecimal last = q.options().isEmpty() ? null : q.options().get(q.options().size() - 1).percent();
          return new Figures(Figure.valueOf(q.excellentRate()), Figure.valueOf(q.competentOrBetterRate()), last);
        });
  }
}
