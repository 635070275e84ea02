package org.pingyi.formeditor;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.pingyi.form.FormDefinition;
import org.pingyi.form.MatrixQuestion;
import org.pingyi.form.MatrixRow;
import org.pingyi.form.Subject;

/** The four built-in templates of docs/domain.md, listed for the console and created as fresh editable forms. */
public final class FormTemplates {

  private FormTemplates() {
  }

  public static List<TemplateInfo> list() {
    return List.of(CadreWorkTemplate.INFO, NewCadresTemplate.INFO, RecommendationTemplate.INFO,
        AssessmentTemplate.INFO);
  }

  /** A new form from the template with this id, or empty when there is none. */
  public static Optional<FormDefinition> create(String id) {
    return Optional.ofNullable(factory(id)).map(Supplier::get);
  }

  /** A 民主测评表 with one section per person, as pasting 姓名 and 职务 would make it. */
  public static FormDefinition assessmentOf(List<Subject> persons) {
    return SubjectSections.replace(AssessmentTemplate.create(), persons);
  }

  /**
   * A 新提拔任用干部民主评议表 with one row per cadre, as pasting would make it: ids r1..rn, the template's columns
   * 原任职务, 现任职务 and 任职时间 filled from each cadre's values in that order.
   */
  public static FormDefinition newCadresOf(List<List<String>> cadres) {
    FormDefinition form = NewCadresTemplate.create();
    MatrixQuestion matrix = (MatrixQuestion) FormEdits.question(form, "cadres");
    List<MatrixRow> rows = new java.util.ArrayList<>();
    for (List<String> cadre : cadres) {
      java.util.Map<String, String> attributes = new java.util.LinkedHashMap<>();
      for (int i = 0; i < matrix.columns().size(); i++) attributes.put(matrix.columns().get(i).key(), cadre.get(i + 1));
      rows.add(new MatrixRow("r" + (rows.size() + 1), cadre.get(0), null, attributes));
    }
    return FormEdits.replaceQuestion(form, matrix.withRows(rows));
  }

  private static Supplier<FormDefinition> factory(String id) {
    if (id == null) {
      return null;
    }
    switch (id) {
      case "cadre-work":
        return CadreWorkTemplate::create;
      case "new-cadres":
        return NewCadresTemplate::create;
      case "recommendation":
        return RecommendationTemplate::create;
      case "assessment":
        return AssessmentTemplate::create;
      default:
        return null;
    }
  }
}
