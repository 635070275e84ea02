package org.pingyi.formeditor;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pingyi.form.FieldError;
import org.pingyi.form.FormDefinition;
import org.pingyi.form.Question;
import org.pingyi.form.Section;

/**
 * Checks a form against the rules of docs/form-format.md: the draft rules while it is edited, and the
 * stricter freeze rules before an event opens with it. Returns every problem, keyed by JSON path.
 */
public final class FormValidator {

  private FormValidator() {
  }

  /** Rules every saved form must meet; an empty list means the draft is acceptable. */
  public static List<FieldError> validateDraft(FormDefinition form) {
    Checks checks = new Checks();
    draft(form, checks);
    return checks.errors();
  }

  /** The draft rules plus: every matrix has rows, every position has candidates, and 差额 unless 等额. */
  public static List<FieldError> validateForFreeze(FormDefinition form) {
    Checks checks = new Checks();
    draft(form, checks);
    forEachQuestion(form, (path, q) -> FreezeChecks.check(path, q, checks));
    return checks.errors();
  }

  private static void draft(FormDefinition form, Checks checks) {
    if (form.schema() != FormDefinition.SCHEMA) {
      checks.add("schema", "不支持的表单版本：" + form.schema());
    }
    if (!FormDefinition.TEMPLATES.contains(form.template())) {
      checks.add("template", "未知的模板：" + form.template());
    }
    checks.label("title", form.title());
    checks.bounded("instructions", form.instructions(), Checks.INSTRUCTIONS_MAX, true);
    new RulesChecks(checks).check(form.rules(), form);
    sections(form.sections(), checks);
    uniqueQuestionIds(form, checks);
    QuestionChecks questions = new QuestionChecks(checks);
    forEachQuestion(form, questions::check);
  }

  private static void sections(List<Section> sections, Checks checks) {
    if (sections.isEmpty()) {
      checks.add("sections", "至少需要一个部分");
    }
    checks.ids("sections", sections, Section::id, "id");
    for (int i = 0; i < sections.size(); i++) {
      Section s = sections.get(i);
      String path = "sections[" + i + "]";
      checks.label(path + ".title", s.title());
      if (s.subject() != null) {
        checks.label(path + ".subject.name", s.subject().name());
        checks.bounded(path + ".subject.post", s.subject().post(), Checks.LABEL_MAX, true);
      }
      if (s.questions().isEmpty()) {
        checks.add(path + ".questions", "至少需要一道题");
      }
    }
  }

  /** Answers are keyed by question id, so ids must be unique across sections, not only within one. */
  private static void uniqueQuestionIds(FormDefinition form, Checks checks) {
    Set<String> seen = new HashSet<>();
    forEachQuestion(form, (path, q) -> {
      checks.id(path + ".id", q.id());
      if (q.id() != null && !seen.add(q.id())) {
        checks.add(path + ".id", "与其他题目的 id 重复：" + q.id());
      }
    });
  }

  interface QuestionVisitor {
    void visit(String path, Question question);
  }

  static void forEachQuestion(FormDefinition form, QuestionVisitor visitor) {
    for (int i = 0; i < form.sections().size(); i++) {
      List<Question> questions = form.sections().get(i).questions();
      for (int j = 0; j < questions.size(); j++) {
        visitor.visit("sections[" + i + "].questions[" + j + "]", questions.get(j));
      }
    }
  }
}
