package org.pingyi.formeditor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingyi.form.Candidate;
import org.pingyi.form.FormDefinition;
import org.pingyi.form.FormProblems;
import org.pingyi.form.MatrixQuestion;
import org.pingyi.form.MatrixRow;
import org.pingyi.form.Position;
import org.pingyi.form.RecommendationQuestion;
import org.pingyi.form.Subject;

/**
 * Fills a form from a paste of tab-separated lines copied from Excel or WPS: the cadres of a matrix, the
 * candidates of a position, or the persons of an assessment. Each call returns a new form.
 *
 * <p>All methods throw {@link FormProblems}: at {@code tsv} for the paste, at {@code questionId} /
 * {@code positionId} when the target does not exist.
 */
public final class TsvImport {

  private static final List<String> NAME = List.of("姓名");
  private static final List<String> CURRENT_POST = List.of("现任职务", "职务", "现职务");

  private TsvImport() {
  }

  /** Rows of a new-cadres style matrix: 姓名 then the matrix's columns in order; ids r1..rn. */
  public static FormDefinition replaceMatrixRows(FormDefinition form, String questionId, String tsv) {
    if (!(FormEdits.question(form, questionId) instanceof MatrixQuestion matrix)) {
      throw FormProblems.of("questionId", "这道题不是矩阵题：" + questionId);
    }
    List<List<String>> fields = new ArrayList<>();
    fields.add(NAME);
    matrix.columns().forEach(c -> fields.add("现任职务".equals(c.label()) ? CURRENT_POST : List.of(c.label())));
    List<MatrixRow> rows = new ArrayList<>();
    for (TsvTable.Row row : TsvTable.read(tsv, fields)) {
      Map<String, String> attributes = new LinkedHashMap<>();
      for (int i = 0; i < matrix.columns().size(); i++) {
        attributes.put(matrix.columns().get(i).key(), row.get(i + 1));
      }
      rows.add(new MatrixRow("r" + (rows.size() + 1), row.get(0), null, attributes));
    }
    return FormEdits.replaceQuestion(form, matrix.withRows(rows));
  }

  /** Candidates of one position: 姓名, 性别, 出生年月, 现任职务; ids c1..cn. */
  public static FormDefinition replaceCandidates(FormDefinition form, String questionId, String positionId,
                                                 String tsv) {
    if (!(FormEdits.question(form, questionId) instanceof RecommendationQuestion rec)) {
      throw FormProblems.of("questionId", "这道题不是推荐题：" + questionId);
    }
    int index = positionIndex(rec, positionId);
    List<List<String>> fields = List.of(NAME, List.of("性别"), List.of("出生年月", "出生日期", "出生年月日"),
        CURRENT_POST);
    List<Candidate> candidates = new ArrayList<>();
    for (TsvTable.Row row : TsvTable.read(tsv, fields)) {
      candidates.add(new Candidate("c" + (candidates.size() + 1), row.get(0), row.get(1), row.get(2), row.get(3)));
    }
    List<Position> positions = new ArrayList<>(rec.positions());
    positions.set(index, positions.get(index).withCandidates(candidates));
    return FormEdits.replaceQuestion(form, rec.withPositions(positions));
  }

  /**
   * The persons of an assessment: 姓名, 职务. One section per person, cloned from the first section with a
   * subject; every section with a subject is replaced, other sections stay where they are.
   */
  public static FormDefinition replaceSubjects(FormDefinition form, String tsv) {
    List<TsvTable.Row> rows = TsvTable.read(tsv, List.of(NAME, CURRENT_POST));
    List<Subject> subjects = new ArrayList<>();
    rows.forEach(row -> subjects.add(new Subject(row.get(0), row.get(1))));
    return SubjectSections.replace(form, subjects);
  }

  /** A pasted line: its line number in the paste (for messages) and one value per wanted field. */
  public record Line(int number, List<String> values) {
  }

  /**
   * Any list pasted from Excel or WPS, read as the cadre lists are (header by text or columns by position, blank
   * lines skipped, cells trimmed, at most 500 lines, a name on every line): the probation register uses it.
   *
   * @param fields for each wanted field, the header texts that name it; field 0 is 姓名
   */
  public static List<Line> lines(String tsv, List<List<String>> fields) {
    return TsvTable.read(tsv, fields).stream().map(row -> new Line(row.line(), row.values())).toList();
  }

  private static int positionIndex(RecommendationQuestion rec, String positionId) {
    for (int i = 0; i < rec.positions().size(); i++) {
      if (rec.positions().get(i).id().equals(positionId)) {
        return i;
      }
    }
    throw FormProblems.of("positionId", "没有这个推荐职位：" + positionId);
  }
}
