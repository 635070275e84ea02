package org.pingyi.formeditor;

import org.pingyi.form.MatrixQuestion;
import org.pingyi.form.Position;
import org.pingyi.form.Question;
import org.pingyi.form.RecommendationQuestion;

/** The rules a form must meet, beyond the draft rules, before an event opens with it and it is frozen. */
final class FreezeChecks {

  private FreezeChecks() {
  }

  static void check(String path, Question q, Checks checks) {
    if (q instanceof MatrixQuestion m && m.rows().isEmpty()) {
      checks.add(path + ".rows", "定稿前至少需要一行（例如一名评议对象）");
    }
    if (q instanceof RecommendationQuestion r) {
      for (int i = 0; i < r.positions().size(); i++) {
        position(path + ".positions[" + i + "]", r.positions().get(i), checks);
      }
    }
  }

  /** 差额: the meeting ballot lists more candidates than seats, unless the organiser chose 等额 on purpose. */
  private static void position(String path, Position p, Checks checks) {
    int count = p.candidates().size();
    if (count == 0) {
      checks.add(path + ".candidates", "定稿前至少需要一名候选人");
    } else if (!p.equalSlate() && count <= p.seats()) {
      checks.add(path + ".candidates", "差额推荐要求候选人数多于职数（现有 " + count + " 人，职数 " + p.seats()
          + "）；如确需等额推荐，请将该职位标为等额");
    }
  }
}
