package org.pingyi.ballot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingyi.form.Candidate;
import org.pingyi.form.Choice;
import org.pingyi.form.Position;
import org.pingyi.form.RecommendationQuestion;

/**
 * A 民主推荐 answer, per position: the marked candidates and write-ins ({@code select}), or one answer per
 * candidate ({@code approve}). No mark at all is a valid abstention.
 */
final class RecommendationAnswers {
  static final int WRITE_IN_MAX_LENGTH = 40;
  private static final List<String> SELECT_KEYS = List.of("selected", "writeIns");

  private RecommendationAnswers() {
  }

  static Map<String, Object> check(RecommendationQuestion q, BallotValidator.Answer answer) {
    Map<String, Object> given = answer.absent() ? Map.of() : answer.problems().object(answer.path(), answer.value());
    if (given == null || !answer.problems()
        .onlyKnownKeys(answer.path(), given, q.positions(), Position::id, "职位")) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Position position : q.positions()) {
      BallotValidator.Answer one = answer.at(position.id(), given.get(position.id()));
      if (one.absent()) continue;
      Map<String, Object> checked = RecommendationQuestion.APPROVE.equals(q.mode())
          ? approve(q, position, one) : select(position, one);
      if (checked != null && !checked.isEmpty()) out.put(position.id(), checked);
    }
    return out.isEmpty() ? null : out;
  }

  private static Map<String, Object> select(Position position, BallotValidator.Answer answer) {
    Map<String, Object> given = answer.problems().object(answer.path(), answer.value());
    if (given == null || !answer.problems().onlyKnownKeys(answer.path(), given, SELECT_KEYS, "字段")) return null;
    List<String> selected = answer.at("selected", given.get("selected"))
        .choices(position.candidates(), Candidate::id, null, false);
    List<String> writeIns = writeIns(position, answer.at("writeIns", given.get("writeIns")));
    int marks = (selected == null ? 0 : selected.size()) + (writeIns == null ? 0 : writeIns.size());
    if (marks > position.seats() && answer.strictness().enforcesRules()) {
      answer.problem(position.title() + "：最多推荐 " + position.seats() + " 人");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (selected != null) out.put("selected", selected);
    if (writeIns != null) out.put("writeIns", writeIns);
    return out;
  }

  private static List<String> writeIns(Position position, BallotValidator.Answer answer) {
    if (answer.absent()) return null;
    if (!(answer.value() instanceof List<?> names)) {
      answer.problem("格式不正确：应为姓名的列表");
      return null;
    }
    if (!position.writeIns() && !names.isEmpty()) {
      answer.problem("此职位不接受另行推荐");
      return null;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = answer.at(String.valueOf(i), names.get(i)).text(WRITE_IN_MAX_LENGTH, false);
      if (name != null && out.contains(name)) {
        answer.problem("另行推荐的人选重复：" + name);
        return null;
      }
      if (name != null) out.add(name);
    }
    return out.isEmpty() ? null : out;
  }

  private static Map<String, Object> approve(RecommendationQuestion q, Position position,
                                             BallotValidator.Answer answer) {
    Map<String, Object> given = answer.problems().object(answer.path(), answer.value());
    List<Candidate> candidates = position.candidates();
    if (given == null || !answer.problems()
        .onlyKnownKeys(answer.path(), given, candidates, Candidate::id, "人选")) {
      return null;
    }
    List<String> options = q.approveOptionsOrDefault().stream()
        .map(Choice::id).toList();
    Map<String, Object> out = new LinkedHashMap<>();
    for (Candidate candidate : candidates) {
      Object value = given.get(candidate.id());
      if (value == null) continue;
      if (!(value instanceof String id) || !options.contains(id)) {
        answer.at(candidate.id(), value).problem("没有这个选项：" + value);
        continue;
      }
      out.put(candidate.id(), id);
    }
    return out;
  }
}
