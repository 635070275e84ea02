package org.pingyi.rawexport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.pingyi.ballot.BallotForm;
import org.pingyi.form.MatrixQuestion;
import org.pingyi.form.MultiQuestion;
import org.pingyi.form.Question;
import org.pingyi.form.RecommendationQuestion;
import org.pingyi.form.ScaleQuestion;
import org.pingyi.form.Section;
import org.pingyi.form.TextQuestion;

/**
 * The columns of the raw ballot table, the one model behind the CSV and the xlsx: the ballot's own fields, then
 * one column per answer in form, section, question order (a matrix: per row its grade, reasons and extra
 * scales; a recommendation: per position the marked candidates and write-ins, or per candidate the answer),
 * headed in Chinese by the form and the question. Several choices share a cell, joined by {@link #SEPARATOR}.
 */
public final class RawBallotColumns {
  public static final String SEPARATOR = "；";
  static final List<String> FIXED = List.of("序号", "票类", "参评人员类别", "渠道", "无法辨认");

  /** An answer column: reads its cell from the answers of one form. */
  private record AnswerColumn(String header, String formId, Function<Map<String, Object>, String> cell) {
  }

  private final List<AnswerColumn> answers;

  private RawBallotColumns(List<AnswerColumn> answers) {
    this.answers = List.copyOf(answers);
  }

  public static RawBallotColumns of(List<BallotForm> forms) {
    List<AnswerColumn> columns = new ArrayList<>();
    for (BallotForm form : forms) {
      for (Section section : form.definition().sections()) {
        String prefix = form.definition().title() + (section.subject() == null ? "" : "·" + section.subject().name());
        for (Question question : section.questions()) {
          add(columns, form.id(), prefix, question);
        }
      }
    }
    return new RawBallotColumns(unique(columns));
  }

  public List<String> headers() {
    List<String> headers = new ArrayList<>(FIXED);
    answers.forEach(a -> headers.add(a.header()));
    return headers;
  }

  /** One row: {@code number} is the row's place in the export; an unanswered cell is empty. */
  public List<String> cells(long number, RawBallot ballot, RawCategories categories) {
    List<String> cells = new ArrayList<>(FIXED.size() + answers.size());
    String code = categories.code(ballot.categoryCode());
    cells.add(Long.toString(number));
    cells.add(code == null ? RawCategories.HIDDEN_CODE : code);
    cells.add(categories.name(ballot.categoryCode()));
    cells.add("paper".equals(ballot.channel()) ? "纸质" : "手机");
    cells.add(ballot.unreadable() ? "是" : "否");
    for (AnswerColumn column : answers) {
      String cell = column.cell().apply(AnswerCells.map(ballot.answers().get(column.formId())));
      cells.add(cell == null ? "" : cell);
    }
    return cells;
  }

  private static void add(List<AnswerColumn> out, String formId, String prefix, Question question) {
    String header = prefix + "·" + question.text();
    if (question instanceof ScaleQuestion q) {
      out.add(new AnswerColumn(header, formId, a -> AnswerCells.grade(q.options(), a.get(q.id()))));
    } else if (question instanceof MultiQuestion q) {
      out.add(new AnswerColumn(header, formId, a -> AnswerCells.choices(q.options(), a.get(q.id()))));
    } else if (question instanceof TextQuestion q) {
      out.add(new AnswerColumn(header, formId, a -> AnswerCells.text(a.get(q.id()))));
    } else if (question instanceof MatrixQuestion q) {
      matrix(out, formId, prefix, q);
    } else {
      recommendation(out, formId, prefix, (RecommendationQuestion) question);
    }
  }

  private static void matrix(List<AnswerColumn> out, String formId, String prefix, MatrixQuestion q) {
    for (var row : q.rows()) {
      String rowPrefix = prefix + "·" + row.label() + "·";
      Function<Map<String, Object>, Map<String, Object>> answer =
          a -> AnswerCells.map(AnswerCells.map(a.get(q.id())).get(row.id()));
      out.add(new AnswerColumn(rowPrefix + "评价", formId, a -> AnswerCells.grade(q.options(), answer.apply(a).get("option"))));
      if (q.reason() != null) {
        out.add(new AnswerColumn(rowPrefix + q.reason().label(), formId,
            a -> AnswerCells.choices(q.reason().options(), answer.apply(a).get("reasons"))));
      }
      for (var extra : q.extra()) {
        out.add(new AnswerColumn(rowPrefix + extra.label(), formId,
            a -> AnswerCells.grade(extra.options(), AnswerCells.map(answer.apply(a).get("extra")).get(extra.id()))));
      }
    }
  }

  private static void recommendation(List<AnswerColumn> out, String formId, String prefix, RecommendationQuestion q) {
    boolean approve = RecommendationQuestion.APPROVE.equals(q.mode());
    for (var position : q.positions()) {
      String positionPrefix = prefix + "·" + position.title() + "·";
      Function<Map<String, Object>, Map<String, Object>> answer =
          a -> AnswerCells.map(AnswerCells.map(a.get(q.id())).get(position.id()));
      if (approve) {
        for (var candidate : position.candidates()) {
          out.add(new AnswerColumn(positionPrefix + candidate.name(), formId,
              a -> AnswerCells.choice(q.approveOptionsOrDefault(), answer.apply(a).get(candidate.id()))));
        }
        continue;
      }
      out.add(new AnswerColumn(positionPrefix + "推荐", formId,
          a -> AnswerCells.candidates(position.candidates(), answer.apply(a).get("selected"))));
      if (position.writeIns()) {
        out.add(new AnswerColumn(positionPrefix + "另行推荐", formId,
            a -> AnswerCells.texts(answer.apply(a).get("writeIns"))));
      }
    }
  }

  /** Two questions may print alike (two matrices with the same rows): number the repeats so headers stay unique. */
  private static List<AnswerColumn> unique(List<AnswerColumn> columns) {
    Map<String, Integer> seen = new HashMap<>();
    FIXED.forEach(h -> seen.put(h, 1));
    List<AnswerColumn> out = new ArrayList<>();
    for (AnswerColumn c : columns) {
      int n = seen.merge(c.header(), 1, Integer::sum);
      out.add(n == 1 ? c : new AnswerColumn(c.header() + "（" + n + "）", c.formId(), c.cell()));
    }
    return out;
  }
}
