package org.pingyi.ballot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.pingyi.form.Choice;
import org.pingyi.form.FieldError;
import org.pingyi.form.MatrixQuestion;
import org.pingyi.form.MultiQuestion;
import org.pingyi.form.Question;
import org.pingyi.form.RecommendationQuestion;
import org.pingyi.form.ScaleOption;
import org.pingyi.form.ScaleQuestion;
import org.pingyi.form.TextQuestion;
import org.pingyi.http.AppError;

/**
 * Checks a ballot's answers (docs/form-format.md, "Answers") against an event's frozen forms and returns
 * them normalised: forms, questions, rows and choices in ballot order, text trimmed, nothing unknown kept.
 * The normalised answers are what is stored and what the receipt is computed from, so the same choices
 * always give the same receipt.
 */
public final class BallotValidator {

  private BallotValidator() {
  }

  /** The outcome: {@code answers} is meaningful only when {@code problems} is empty. */
  public record Result(Map<String, Object> answers, List<FieldError> problems) {
    public boolean valid() {
      return problems.isEmpty();
    }

    /** The 400 for an invalid ballot: the first problem in the message, every problem by its path. */
    public AppError refusal() {
      Map<String, String> fields = new LinkedHashMap<>();
      problems.forEach(p -> fields.putIfAbsent(p.path(), p.message()));
      FieldError first = problems.get(0);
      return AppError.invalidInput(first.message() + "（" + first.path() + "）", fields);
    }
  }

  /** @param answers the decoded JSON: maps, lists, strings, numbers, booleans and nulls */
  public static Result check(List<BallotForm> forms, Object answers, Strictness strictness) {
    Problems problems = new Problems();
    Map<String, Object> normalised = new LinkedHashMap<>();
    Map<String, Object> given = answers == null ? Map.of() : problems.object("answers", answers);
    if (given != null && problems.onlyKnownKeys("answers", given, forms, BallotForm::id, "表")) {
      for (BallotForm form : forms) {
        Problems.Step path = new Problems.Step("answers", form.id());
        Object formAnswers = given.get(form.id());
        Map<String, Object> byQuestion = formAnswers == null ? Map.of() : problems.object(path, formAnswers);
        if (byQuestion == null) continue;
        normalised.put(form.id(), checkForm(form, byQuestion, path, strictness, problems));
      }
    }
    return new Result(normalised, problems.list());
  }

  private static Map<String, Object> checkForm(BallotForm form, Map<String, Object> given, Object path,
                                               Strictness strictness, Problems problems) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<Question> questions = form.questions();
    if (!problems.onlyKnownKeys(path, given, questions, Question::id, "问题")) return out;
    for (Question question : questions) {
      Answer check = new Answer(new Problems.Step(path, question.id()), given.get(question.id()), strictness, problems);
      Object answer = answer(question, check);
      if (answer != null) out.put(question.id(), answer);
    }
    return out;
  }

  private static Object answer(Question question, Answer check) {
    if (question instanceof ScaleQuestion q) return check.scale(q.options(), q.required());
    if (question instanceof MultiQuestion q) return check.multi(q);
    if (question instanceof TextQuestion q) return check.text(q);
    if (question instanceof MatrixQuestion q) return MatrixAnswers.check(q, check);
    return RecommendationAnswers.check((RecommendationQuestion) question, check);
  }

  /** One answer being checked: its path (written out only for a problem), the value given, and where problems go. */
  record Answer(Object path, Object value, Strictness strictness, Problems problems) {

    Answer at(String key, Object childValue) {
      return new Answer(new Problems.Step(path, key), childValue, strictness, problems);
    }

    boolean absent() {
      return value == null;
    }

    void problem(String message) {
      problems.add(path, message);
    }

    /** A single choice: the option id, or null when unanswered. */
    String scale(List<ScaleOption> options, boolean required) {
      if (value == null) {
        if (required && strictness.enforcesRules()) problem("请选择一项");
        return null;
      }
      if (!(value instanceof String id)) {
        problem("格式不正确：应为选项编号");
        return null;
      }
      if (!Problems.contains(options, ScaleOption::id, id)) {
        problem("没有这个选项：" + id);
        return null;
      }
      return id;
    }

    /** Several choices among the ids of {@code known}, returned in the form's order; null when none. */
    <T> List<String> choices(List<T> known, Function<T, String> knownId, Integer max, boolean required) {
      List<String> chosen = value == null ? List.of() : problems.ids(path, value);
      if (chosen == null) return null;
      for (String id : chosen) {
        if (!Problems.contains(known, knownId, id)) {
          problem("没有这个选项：" + id);
          return null;
        }
      }
      if (strictness.enforcesRules()) {
        if (required && chosen.isEmpty()) problem("请至少选择一项");
        if (max != null && chosen.size() > max) problem("最多选择 " + max + " 项");
      }
      if (chosen.isEmpty()) return null;
      List<String> inFormOrder = new ArrayList<>(chosen.size());
      for (T item : known) {
        String id = knownId.apply(item);
        if (chosen.contains(id)) inFormOrder.add(id);
      }
      return inFormOrder;
    }

    private List<String> multi(MultiQuestion q) {
      return choices(q.options(), Choice::id, q.max(), q.required());
    }

    private String text(TextQuestion q) {
      return text(q.maxLength(), q.required() && strictness.enforcesRules());
    }

    /** Free text within {@code maxLength} characters; null when blank. */
    String text(int maxLength, boolean required) {
      if (value != null && !(value instanceof String)) {
        problem("格式不正确：应为文字");
        return null;
      }
      String text = value == null ? "" : Texts.normalise((String) value);
      String refusal = Texts.refusal(text);
      if (refusal != null) {
        problem(refusal);
      } else if (Texts.length(text) > maxLength) {
        problem("不能超过 " + maxLength + " 字");
      } else if (text.isEmpty() && required) {
        problem("请填写");
      }
      return text.isEmpty() || refusal != null ? null : text;
    }
  }
}
