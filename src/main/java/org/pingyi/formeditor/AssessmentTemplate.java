package org.pingyi.formeditor;

import java.util.List;
import java.util.Map;
import org.pingyi.form.FormDefinition;
import org.pingyi.form.FormRules;
import org.pingyi.form.MatrixQuestion;
import org.pingyi.form.MatrixRow;
import org.pingyi.form.ScaleOption;
import org.pingyi.form.ScaleQuestion;
import org.pingyi.form.Section;
import org.pingyi.form.Subject;

/**
 * Template 4 of docs/domain.md: 民主测评表, one section per assessed person; starts with one placeholder person
 * whose section is the prototype that {@link TsvImport#replaceSubjects} clones.
 */
final class AssessmentTemplate {

  static final TemplateInfo INFO = new TemplateInfo("assessment", "民主测评表",
      "对每名测评对象按德、能、勤、绩、廉评价，并作总体评价（优秀、称职、基本称职、不称职）");

  private AssessmentTemplate() {
  }

  static FormDefinition create() {
    Subject placeholder = new Subject("（请填写姓名）", "（请填写职务）");
    Section person = new Section("p1", placeholder.name(), placeholder, List.of(rows(), overall()));
    return new FormDefinition(FormDefinition.SCHEMA, INFO.id(), INFO.title(),
        "请对每名测评对象的各项表现和总体情况各选择一项评价。",
        FormRules.defaults(), List.of(person));
  }

  private static MatrixQuestion rows() {
    // Weights null = equal (docs/domain.md default); scores are the 100/80/60/40 default of Scales.goodToPoor().
    List<MatrixRow> rows = List.of(row("de", "德"), row("neng", "能"), row("qin", "勤"), row("ji", "绩"),
        row("lian", "廉"));
    return new MatrixQuestion("p1-rows", "德、能、勤、绩、廉", true, List.of(), rows, "测评项目",
        Scales.goodToPoor(), null, List.of());
  }

  private static MatrixRow row(String id, String label) {
    return new MatrixRow(id, label, null, Map.of());
  }

  private static ScaleQuestion overall() {
    // 优秀 and 称职 are favourable: the 称职以上率 counts them together.
    return new ScaleQuestion("p1-overall", "总体评价", true, List.of(
        new ScaleOption("excellent", "优秀", null, true, false),
        new ScaleOption("competent", "称职", null, true, false),
        ScaleOption.plain("basic", "基本称职"),
        ScaleOption.plain("incompetent", "不称职")));
  }
}
