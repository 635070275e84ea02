package org.pingyi.formeditor;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.pingyi.form.Candidate;
import org.pingyi.form.ExtraScale;
import org.pingyi.form.MatrixColumn;
import org.pingyi.form.MatrixQuestion;
import org.pingyi.form.MatrixRow;
import org.pingyi.form.MultiQuestion;
import org.pingyi.form.Position;
import org.pingyi.form.Question;
import org.pingyi.form.Reason;
import org.pingyi.form.RecommendationQuestion;
import org.pingyi.form.ScaleOption;
import org.pingyi.form.ScaleQuestion;
import org.pingyi.form.TextQuestion;

/** The draft rules of each question kind, reported at the question's JSON path. */
final class QuestionChecks {

  static final int TEXT_MAX_LENGTH = 5000;
  private static final Set<String> MODES = Set.of(RecommendationQuestion.SELECT, RecommendationQuestion.APPROVE);

  private final Checks checks;

  QuestionChecks(Checks checks) {
    this.checks = checks;
  }

  void check(String path, Question q) {
    checks.bounded(path + ".text", q.text(), Checks.QUESTION_TEXT_MAX, false);
    if (q instanceof ScaleQuestion s) {
      checks.scale(path + ".options", s.options());
    } else if (q instanceof MultiQuestion m) {
      checks.choices(path + ".options", m.options());
      checks.max(path + ".max", m.max(), m.options().size());
      if (m.options().isEmpty()) {
        checks.add(path + ".options", "至少需要一个选项");
      }
    } else if (q instanceof TextQuestion t) {
      if (t.maxLength() < 1 || t.maxLength() > TEXT_MAX_LENGTH) {
        checks.add(path + ".maxLength", "必须在 1 到 " + TEXT_MAX_LENGTH + " 之间");
      }
    } else if (q instanceof MatrixQuestion m) {
      matrix(path, m);
    } else if (q instanceof RecommendationQuestion r) {
      recommendation(path, r);
    }
  }

  private void matrix(String path, MatrixQuestion m) {
    checks.bounded(path + ".rowHeader", m.rowHeader(), Checks.LABEL_MAX, true);
    checks.scale(path + ".options", m.options());
    checks.ids(path + ".columns", m.columns(), MatrixColumn::key, "key");
    for (int i = 0; i < m.columns().size(); i++) {
      checks.label(path + ".columns[" + i + "].label", m.columns().get(i).label());
    }
    checks.ids(path + ".rows", m.rows(), MatrixRow::id, "id");
    Set<String> keys = m.columns().stream().map(MatrixColumn::key).collect(Collectors.toSet());
    for (int i = 0; i < m.rows().size(); i++) {
      row(path + ".rows[" + i + "]", m.rows().get(i), keys);
    }
    if (m.reason() != null) {
      reason(path + ".reason", m.reason(), m.options());
    }
    checks.ids(path + ".extra", m.extra(), ExtraScale::id, "id");
    for (int i = 0; i < m.extra().size(); i++) {
      checks.label(path + ".extra[" + i + "].label", m.extra().get(i).label());
      checks.scale(path + ".extra[" + i + "].options", m.extra().get(i).options());
    }
  }

  private void row(String path, MatrixRow row, Set<String> columnKeys) {
    checks.label(path + ".label", row.label());
    if (row.weight() != null && row.weight() <= 0) {
      checks.add(path + ".weight", "必须为正数");
    }
    row.attributes().forEach((key, value) -> {
      if (!columnKeys.contains(key)) {
        checks.add(path + ".attributes." + key, "没有这一列");
      } else {
        checks.bounded(path + ".attributes." + key, value, Checks.LABEL_MAX, true);
      }
    });
  }

  private void reason(String path, Reason reason, List<ScaleOption> matrixOptions) {
    checks.label(path + ".label", reason.label());
    checks.choices(path + ".options", reason.options());
    checks.max(path + ".max", reason.max(), reason.options().size());
    if (reason.options().isEmpty()) {
      checks.add(path + ".options", "至少需要一个原因");
    }
    if (reason.whenOptions().isEmpty()) {
      checks.add(path + ".whenOptions", "至少需要一个触发选项");
    }
    Set<String> optionIds = matrixOptions.stream().map(ScaleOption::id).collect(Collectors.toSet());
    for (int i = 0; i < reason.whenOptions().size(); i++) {
      if (!optionIds.contains(reason.whenOptions().get(i))) {
        checks.add(path + ".whenOptions[" + i + "]", "没有这个选项：" + reason.whenOptions().get(i));
      }
    }
  }

  private void recommendation(String path, RecommendationQuestion r) {
    if (!MODES.contains(r.mode())) {
      checks.add(path + ".mode", "只能是 select 或 approve");
    }
    if (r.approveOptions() != null) {
      checks.choices(path + ".approveOptions", r.approveOptions());
      if (r.approveOptions().size() < 2) {
        checks.add(path + ".approveOptions", "至少需要两个选项");
      }
    }
    if (r.positions().isEmpty()) {
      checks.add(path + ".positions", "至少需要一个推荐职位");
    }
    checks.ids(path + ".positions", r.positions(), Position::id, "id");
    for (int i = 0; i < r.positions().size(); i++) {
      position(path + ".positions[" + i + "]", r.positions().get(i));
    }
  }

  private void position(String path, Position p) {
    checks.label(path + ".title", p.title());
    if (p.seats() < 1) {
      checks.add(path + ".seats", "职数至少为 1");
    }
    checks.ids(path + ".candidates", p.candidates(), Candidate::id, "id");
    for (int i = 0; i < p.candidates().size(); i++) {
      Candidate c = p.candidates().get(i);
      String at = path + ".candidates[" + i + "]";
      checks.label(at + ".name", c.name());
      checks.bounded(at + ".gender", c.gender(), Checks.LABEL_MAX, true);
      checks.bounded(at + ".birth", c.birth(), Checks.LABEL_MAX, true);
      checks.bounded(at + ".currentPost", c.currentPost(), Checks.LABEL_MAX, true);
    }
  }
}
