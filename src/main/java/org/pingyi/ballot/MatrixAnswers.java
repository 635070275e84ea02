package org.pingyi.ballot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingyi.form.Choice;
import org.pingyi.form.ExtraScale;
import org.pingyi.form.MatrixQuestion;
import org.pingyi.form.MatrixRow;

/** A matrix answer: per row (cadre, or 德/能/勤/绩/廉) one option, the reasons for it, and the extra scales. */
final class MatrixAnswers {
  private static final List<String> ROW_KEYS = List.of("option", "reasons", "extra");

  private MatrixAnswers() {
  }

  static Map<String, Object> check(MatrixQuestion q, BallotValidator.Answer answer) {
    Map<String, Object> given = answer.absent() ? Map.of() : answer.problems().object(answer.path(), answer.value());
    if (given == null) return null;
    if (!answer.problems().onlyKnownKeys(answer.path(), given, q.rows(), MatrixRow::id, "行")) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (MatrixRow row : q.rows()) {
      Map<String, Object> rowAnswer = row(q, row, answer.at(row.id(), given.get(row.id())));
      if (rowAnswer != null && !rowAnswer.isEmpty()) out.put(row.id(), rowAnswer);
    }
    return out.isEmpty() ? null : out;
  }

  private static Map<String, Object> row(MatrixQuestion q, MatrixRow row, BallotValidator.Answer answer) {
    Map<String, Object> given = answer.absent() ? Map.of() : answer.problems().object(answer.path(), answer.value());
    if (given == null || !answer.problems().onlyKnownKeys(answer.path(), given, ROW_KEYS, "字段")) return null;
    Map<String, Object> out = new LinkedHashMap<>();
    BallotValidator.Answer option = answer.at("option", given.get("option"));
    String chosen = option.scale(q.options(), false);
    if (option.absent() && q.required() && answer.strictness().enforcesRules()) {
      answer.problem("请为“" + row.label() + "”选择评价");
    }
    if (chosen != null) out.put("option", chosen);
    List<String> reasons = reasons(q, chosen, answer.at("reasons", given.get("reasons")));
    if (reasons != null) out.put("reasons", reasons);
    Map<String, Object> extra = extra(q.extra(), row, answer.at("extra", given.get("extra")));
    if (extra != null && !extra.isEmpty()) out.put("extra", extra);
    return out;
  }

  private static List<String> reasons(MatrixQuestion q, String chosen, BallotValidator.Answer answer) {
    if (answer.absent()) return null;
    if (q.reason() == null || chosen == null || !q.reason().whenOptions().contains(chosen)) {
      answer.problem("只有选择“" + String.join("、", reasonTriggers(q)) + "”时才填写原因");
      return null;
    }
    return answer.choices(q.reason().options(), Choice::id, q.reason().max(), false);
  }

  private static List<String> reasonTriggers(MatrixQuestion q) {
    if (q.reason() == null) return List.of("（无）");
    return q.options().stream().filter(o -> q.reason().whenOptions().contains(o.id())).map(o -> o.label()).toList();
  }

  private static Map<String, Object> extra(List<ExtraScale> scales, MatrixRow row, BallotValidator.Answer answer) {
    Map<String, Object> given = answer.absent() ? Map.of() : answer.problems().object(answer.path(), answer.value());
    if (given == null
        || !answer.problems().onlyKnownKeys(answer.path(), given, scales, ExtraScale::id, "问题")) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (ExtraScale scale : scales) {
      BallotValidator.Answer one = answer.at(scale.id(), given.get(scale.id()));
      String chosen = one.scale(scale.options(), false);
      if (one.absent() && scale.required() && answer.strictness().enforcesRules()) {
        one.problem("请回答“" + row.label() + "”的“" + scale.label() + "”");
      }
      if (chosen != null) out.put(scale.id(), chosen);
    }
    return out;
  }
}
