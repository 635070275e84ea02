package org.pingyi.summary;

import java.util.List;
import org.pingyi.form.MatrixQuestion;
import org.pingyi.form.MultiQuestion;
import org.pingyi.form.Question;
import org.pingyi.form.RecommendationQuestion;
import org.pingyi.form.ScaleQuestion;
import org.pingyi.tally.report.MatrixResult;
import org.pingyi.tally.report.MultiResult;
import org.pingyi.tally.report.OptionCount;
import org.pingyi.tally.report.RecommendationResult;
import org.pingyi.tally.report.ScaleResult;
import org.pingyi.tally.report.TextResult;

/**
 * Results for a question the report does not have (an edited form, a category without sections): nothing counted,
 * every rate missing, so that the tables print 0 and "—" rather than fail.
 */
final class Absent {

  private Absent() {
  }

  static ScaleResult scale(ScaleQuestion q) {
    return new ScaleResult(q.id(), q.kind(), q.text(), 0, List.of(), null, null, null, null);
  }

  static MultiResult multi(MultiQuestion q) {
    return new MultiResult(q.id(), q.kind(), q.text(), 0, List.of());
  }

  static TextResult text(Question q) {
    return new TextResult(q.id(), q.kind(), q.text(), 0);
  }

  static MatrixResult matrix(MatrixQuestion q) {
    return new MatrixResult(q.id(), q.kind(), q.text(), 0, null, List.of(), null);
  }

  static RecommendationResult recommendation(RecommendationQuestion q) {
    return new RecommendationResult(q.id(), q.kind(), q.text(), null, List.of());
  }

  static OptionCount option(String id, String label) {
    return new OptionCount(id, label, 0, null);
  }
}
