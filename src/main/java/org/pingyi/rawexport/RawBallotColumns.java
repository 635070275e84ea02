package org.pingyi.rawexport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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

  /**
   * An answer column: the value at {@code path} in the ballot's answers ({form id, question id, ...}; a step into
   * anything but an object finds nothing), and what the column prints for it ({@code label}: null when empty).
   */
  record AnswerColumn(String header, List<String> path, Function<Object, String> label) {

    String cell(Map<String, Object> answers) {
      Object value = answers;
      for (String key : path) value = AnswerCells.map(value).get(key);
      return label.apply(value);
    }
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
    String[] cells = new String[size()];
    fixed(cells, number, ballot.categoryCode(), ballot.channel(), ballot.unreadable(), categories);
    for (int i = 0; i < answers.size(); i++) {
      String cell = answers.get(i).cell(ballot.answers());
      cells[FIXED.size() + i] = cell == null ? "" : cell;
    }
    return List.of(cells);
  }

  /**
   * {@link #cells(long, RawBallot, RawCategories)} into {@code cells} (of {@link #size()}) for a ballot as stored,
   * reading its answers with {@code decoder} (from {@link #decoder()}); the same cells, without the maps.
   */
  void cells(long number, RawBallotRepository.StoredBallot ballot, RawCategories categories, AnswerDecoder decoder,
             String[] cells) {
    fixed(cells, number, ballot.categoryCode(), ballot.channel(), ballot.unreadable(), categories);
    Object[] values = decoder.values();
    if (!decoder.decode(ballot.answers())) {
      // Something the ballot rules never store (a number where an id belongs...): the maps print it as before.
      List<String> slow = cells(number, ballot.parsed(), categories);
      for (int i = FIXED.size(); i < cells.length; i++) cells[i] = slow.get(i);
      return;
    }
    for (int i = 0; i < answers.size(); i++) {
      String cell = answers.get(i).label().apply(values[i]);
      cells[FIXED.size() + i] = cell == null ? "" : cell;
    }
  }

  /** How many columns: the ballot's own and the answers. */
  int size() {
    return FIXED.size() + answers.size();
  }

  /** A reader of the answers' text straight to these columns' values; one per writer (it is not thread-safe). */
  AnswerDecoder decoder() {
    return new AnswerDecoder(answers.stream().map(AnswerColumn::path).toList());
  }

  private static void fixed(String[] cells, long number, String categoryCode, String channel, boolean unreadable,
                            RawCategories categories) {
    String code = categories.code(categoryCode);
    cells[0] = Long.toString(number);
    cells[1] = code == null ? RawCategories.HIDDEN_CODE : code;
    cells[2] = categories.name(categoryCode);
    cells[3] = "paper".equals(channel) ? "纸质" : "手机";
    cells[4] = unreadable ? "是" : "否";
  }

  private static void add(List<AnswerColumn> out, String formId, String prefix, Question question) {
    String header = prefix + "·" + question.text();
    if (question instanceof ScaleQuestion q) {
      out.add(new AnswerColumn(header, path(formId, q.id()), AnswerCells.grade(q.options())));
    } else if (question instanceof MultiQuestion q) {
      out.add(new AnswerColumn(header, path(formId, q.id()), AnswerCells.choices(q.options())));
    } else if (question instanceof TextQuestion q) {
      out.add(new AnswerColumn(header, path(formId, q.id()), AnswerCells::text));
    } else if (question instanceof MatrixQuestion q) {
      matrix(out, formId, prefix, q);
    } else {
      recommendation(out, formId, prefix, (RecommendationQuestion) question);
    }
  }

  private static void matrix(List<AnswerColumn> out, String formId, String prefix, MatrixQuestion q) {
    for (var row : q.rows()) {
      String rowPrefix = prefix + "·" + row.label() + "·";
      out.add(new AnswerColumn(rowPrefix + "评价", path(formId, q.id(), row.id(), "option"),
          AnswerCells.grade(q.options())));
      if (q.reason() != null) {
        out.add(new AnswerColumn(rowPrefix + q.reason().label(), path(formId, q.id(), row.id(), "reasons"),
            AnswerCells.choices(q.reason().options())));
      }
      for (var extra : q.extra()) {
        out.add(new AnswerColumn(rowPrefix + extra.label(), path(formId, q.id(), row.id(), "extra", extra.id()),
            AnswerCells.grade(extra.options())));
      }
    }
  }

  private static void recommendation(List<AnswerColumn> out, String formId, String prefix, RecommendationQuestion q) {
    boolean approve = RecommendationQuestion.APPROVE.equals(q.mode());
    for (var position : q.positions()) {
      String positionPrefix = prefix + "·" + position.title() + "·";
      if (approve) {
        for (var candidate : position.candidates()) {
          out.add(new AnswerColumn(positionPrefix + candidate.name(),
              path(formId, q.id(), position.id(), candidate.id()), AnswerCells.choice(q.approveOptionsOrDefault())));
        }
        continue;
      }
      out.add(new AnswerColumn(positionPrefix + "推荐", path(formId, q.id(), position.id(), "selected"),
          AnswerCells.candidates(position.candidates())));
      if (position.writeIns()) {
        out.add(new AnswerColumn(positionPrefix + "另行推荐", path(formId, q.id(), position.id(), "writeIns"),
            AnswerCells::texts));
      }
    }
  }

  /** The keys from the answers to a value; a null id (which no stored key equals) finds nothing. */
  private static List<String> path(String... keys) {
    return Collections.unmodifiableList(Arrays.asList(keys));
  }

  /** Two questions may print alike (two matrices with the same rows): number the repeats so headers stay unique. */
  private static List<AnswerColumn> unique(List<AnswerColumn> columns) {
    Map<String, Integer> seen = new HashMap<>();
    FIXED.forEach(h -> seen.put(h, 1));
    List<AnswerColumn> out = new ArrayList<>();
    for (AnswerColumn c : columns) {
      int n = seen.merge(c.header(), 1, Integer::sum);
      out.add(n == 1 ? c : new AnswerColumn(c.header() + "（" + n + "）", c.path(), c.label()));
    }
    return out;
  }
}
