package org.pingyi.probation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds one person's figures in an event's tally report ({@code TallyReport.of}, as the summary tables print it): the
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
  @SuppressWarnings("unchecked")
  static Optional<Figures> of(Map<String, Object> report, String sectionId, String name) {
    List<Map<String, Object>> sections = ((List<Map<String, Object>>) report.getOrDefault("forms", List.of())).stream()
        .filter(form -> "assessment".equals(form.get("template")))
        .flatMap(form -> ((List<Map<String, Object>>) form.get("sections")).stream())
        .filter(section -> name.equals(section.get("subject")))
        .toList();
    Optional<Map<String, Object>> section = sections.stream().filter(s -> s.get("id").equals(sectionId)).findFirst();
    if (section.isEmpty() && sections.size() == 1) section = Optional.of(sections.get(0));
    return section.flatMap(AssessmentFigures::overall);
  }

  /** The section's graded question: the one the report gives a 优秀率 (the 总体评价). */
  @SuppressWarnings("unchecked")
  private static Optional<Figures> overall(Map<String, Object> section) {
    return ((List<Map<String, Object>>) section.get("questions")).stream()
        .filter(q -> q.containsKey("excellentRate"))
        .findFirst()
        .map(q -> {
          List<Map<String, Object>> options = (List<Map<String, Object>>) q.get("options");
          BigDecimal last = (BigDecimal) options.get(options.size() - 1).get("percent");
          return new Figures((BigDecimal) q.get("excellentRate"), (BigDecimal) q.get("competentOrBetterRate"), last);
        });
  }
}
