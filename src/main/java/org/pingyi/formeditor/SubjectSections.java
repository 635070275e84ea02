package org.pingyi.formeditor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.pingyi.form.FormDefinition;
import org.pingyi.form.FormProblems;
import org.pingyi.form.MatrixQuestion;
import org.pingyi.form.MultiQuestion;
import org.pingyi.form.Question;
import org.pingyi.form.RecommendationQuestion;
import org.pingyi.form.ScaleQuestion;
import org.pingyi.form.Section;
import org.pingyi.form.Subject;
import org.pingyi.form.TextQuestion;

/**
 * Builds one assessment section per person from a prototype section, renaming ids so that question ids stay
 * unique across the form (answers are keyed by them): person n gets section {@code pn} and questions
 * {@code pn-<base>}.
 */
final class SubjectSections {

  private static final Pattern PERSON_PREFIX = Pattern.compile("^p\\d+-");
  private static final int ID_MAX = 40;

  private SubjectSections() {
  }

  static FormDefinition replace(FormDefinition form, List<Subject> subjects) {
    Section prototype = form.sections().stream().filter(s -> s.subject() != null).findFirst()
        .orElseThrow(() -> FormProblems.of("sections", "表中没有测评对象部分，无法按人导入"));
    List<Section> persons = new ArrayList<>();
    for (int n = 1; n <= subjects.size(); n++) {
      persons.add(clone(prototype, "p" + n, subjects.get(n - 1)));
    }
    List<Section> sections = new ArrayList<>();
    for (Section s : form.sections()) {
      if (s == prototype) {
        sections.addAll(persons);
      } else if (s.subject() == null) {
        sections.add(s);
      }
    }
    FormDefinition result = form.withSections(sections);
    requireUniqueIds(result);
    return result;
  }

  private static Section clone(Section prototype, String personId, Subject subject) {
    List<Question> questions = new ArrayList<>();
    for (Question q : prototype.questions()) {
      questions.add(withId(q, personId + "-" + base(q.id(), personId)));
    }
    return new Section(personId, subject.name(), subject, questions);
  }

  /** The prototype's id without its own person prefix, cut so that the new id fits the 40-character limit. */
  private static String base(String id, String personId) {
    String base = PERSON_PREFIX.matcher(id).replaceFirst("");
    int room = ID_MAX - personId.length() - 1;
    return base.length() > room ? base.substring(0, room) : base;
  }

  static Question withId(Question q, String id) {
    if (q instanceof ScaleQuestion s) {
      return new ScaleQuestion(id, s.text(), s.required(), s.options());
    }
    if (q instanceof MultiQuestion m) {
      return new MultiQuestion(id, m.text(), m.required(), m.max(), m.options());
    }
    if (q instanceof TextQuestion t) {
      return new TextQuestion(id, t.text(), t.required(), t.maxLength());
    }
    if (q instanceof MatrixQuestion m) {
      return m.withId(id);
    }
    RecommendationQuestion r = (RecommendationQuestion) q;
    return new RecommendationQuestion(id, r.text(), r.mode(), r.approveOptions(), r.positions());
  }

  /** A kept ordinary section may already use a generated id; refuse rather than produce a broken form. */
  private static void requireUniqueIds(FormDefinition form) {
    Set<String> sectionIds = new HashSet<>();
    Set<String> questionIds = new HashSet<>();
    for (Section s : form.sections()) {
      if (!sectionIds.add(s.id())) {
        throw FormProblems.of(TsvTable.PATH, "生成的部分 id 与表中其他部分重复：" + s.id());
      }
      for (Question q : s.questions()) {
        if (!questionIds.add(q.id())) {
          throw FormProblems.of(TsvTable.PATH, "生成的题目 id 与表中其他题目重复：" + q.id());
        }
      }
    }
  }
}
