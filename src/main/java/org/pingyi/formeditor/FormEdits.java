package org.pingyi.formeditor;

import java.util.ArrayList;
import java.util.List;
import org.pingyi.form.FormDefinition;
import org.pingyi.form.FormProblems;
import org.pingyi.form.Question;
import org.pingyi.form.Section;

/** Finds and replaces one question of an immutable form by id, for the edit operations of the package. */
final class FormEdits {

  private FormEdits() {
  }

  /** @throws FormProblems at {@code questionId} when the form has no such question */
  static Question question(FormDefinition form, String questionId) {
    return form.questions().filter(q -> q.id().equals(questionId)).findFirst()
        .orElseThrow(() -> FormProblems.of("questionId", "没有这道题：" + questionId));
  }

  /** A copy of the form with the question of the same id replaced. */
  static FormDefinition replaceQuestion(FormDefinition form, Question replacement) {
    List<Section> sections = new ArrayList<>();
    for (Section s : form.sections()) {
      List<Question> questions = new ArrayList<>();
      s.questions().forEach(q -> questions.add(q.id().equals(replacement.id()) ? replacement : q));
      sections.add(new Section(s.id(), s.title(), s.subject(), questions));
    }
    return form.withSections(sections);
  }
}
