package org.pingyi.summary;

import java.util.ArrayList;
import java.util.List;
import org.pingyi.summary.SummaryTable.Block;
import org.pingyi.summary.SummaryTable.Cell;
import org.pingyi.form.Choice;
import org.pingyi.form.ExtraScale;
import org.pingyi.form.FormRules;
import org.pingyi.form.MatrixColumn;
import org.pingyi.form.MatrixQuestion;
import org.pingyi.form.MatrixRow;
import org.pingyi.form.ScaleOption;
import org.pingyi.form.UnfavourableRule;
import org.pingyi.tally.report.Figure;
import org.pingyi.tally.report.MatrixResult;
import org.pingyi.tally.report.MatrixRowResult;
import org.pingyi.tally.report.OptionCount;

/**
 * Matrix questions: one row per cadre (新提拔任用干部, with 认同率, 不认同率 and the one-third flag, the reasons
 * and the canvassing question) or per assessment item (德能勤绩廉, with the answers and the average score).
 */
final class MatrixBlocks {

  private MatrixBlocks() {
  }

  /** The main table; {@code assessment} adds 作答票数 and 平均分 and leaves out the rates of favourable options. */
  static Block main(MatrixQuestion q, MatrixResult result, FormRules rules, boolean assessment) {
    UnfavourableRule rule = rules.unfavourable();
    boolean favourable = !assessment && !RuleWording.favourable(q.options()).isEmpty();
    boolean scored = q.options().stream().allMatch(o -> o.score() != null);
    ColumnHeadings heads = ColumnHeadings.of(true).single(q.rowHeader().isBlank() ? "项目" : q.rowHeader());
    q.columns().forEach(c -> heads.single(c.label()));
    if (assessment) heads.single("作答票数");
    q.options().forEach(o -> heads.pair(o.label(), "票数"));
    if (favourable) heads.single(RuleWording.favourableLabel(q.options()));
    if (rule != null) heads.single(unfavourableLabel(q, rule) + "率").single("标记");
    if (scored) heads.single("平均分");
    List<List<Cell>> rows = new ArrayList<>();
    for (MatrixRow row : q.rows()) {
      MatrixRowResult r = rowOf(result, row);
      List<Cell> cells = new ArrayList<>();
      cells.add(Cell.text(row.label()));
      for (MatrixColumn column : q.columns()) cells.add(Cell.text(row.attributes().get(column.key())));
      if (assessment) cells.add(Cell.count(r.answered()));
      ItemBlocks.optionCells(cells, r.options());
      rates(cells, r, q, favourable, rule);
      if (scored) cells.add(Cell.score(Figure.valueOf(r.score())));
      rows.add(cells);
    }
    return new Block("", heads.columns(), heads.build(), rows);
  }

  private static void rates(List<Cell> cells, MatrixRowResult r, MatrixQuestion q, boolean favourable,
                            UnfavourableRule rule) {
    if (favourable) cells.add(Cell.rate(Figure.valueOf(r.favourableRate())));
    if (rule == null) return;
    MatrixRowResult.Unfavourable unfavourable = r.unfavourable();
    cells.add(Cell.rate(unfavourable == null ? null : unfavourable.rate()));
    cells.add(Cell.flag(unfavourable != null && unfavourable.flagged(), flagText(q, rule)));
  }

  /** The report's row for this one, or an empty one (an edited form): nothing counted, every rate missing. */
  private static MatrixRowResult rowOf(MatrixResult result, MatrixRow row) {
    return result.row(row.id()).orElse(new MatrixRowResult(row.id(), row.label(), row.attributes(), 0, List.of(), null,
        null, List.of(), List.of(), null));
  }

  /** 不认同的原因, counted per cadre. */
  static Block reasons(MatrixQuestion q, MatrixResult result) {
    ColumnHeadings heads = ColumnHeadings.of(false).single(q.rowHeader());
    q.reason().options().forEach(o -> heads.single(o.label()));
    List<List<Cell>> rows = new ArrayList<>();
    for (MatrixRow row : q.rows()) {
      MatrixRowResult r = rowOf(result, row);
      List<Cell> cells = new ArrayList<>();
      cells.add(Cell.text(row.label()));
      for (Choice reason : q.reason().options()) {
        List<OptionCount> reasons = r.reasons() == null ? List.of() : r.reasons();
        cells.add(Cell.count(OptionCount.byId(reasons, reason.id()).map(OptionCount::count).orElse(0L)));
      }
      rows.add(cells);
    }
    return new Block(q.reason().label() + "（可多选，票数）", heads.columns(), heads.build(), rows);
  }

  /** A further scale asked per row (是否存在拉票、跑官、要官行为), its counts and shares of the valid ballots. */
  static Block extra(MatrixQuestion q, ExtraScale extra, MatrixResult result) {
    ColumnHeadings heads = ColumnHeadings.of(true).single(q.rowHeader());
    extra.options().forEach(o -> heads.pair(o.label(), "票数"));
    List<List<Cell>> rows = new ArrayList<>();
    for (MatrixRow row : q.rows()) {
      MatrixRowResult r = rowOf(result, row);
      List<Cell> cells = new ArrayList<>();
      cells.add(Cell.text(row.label()));
      ItemBlocks.optionCells(cells, r.extra(extra.id()).map(MatrixRowResult.Extra::options).orElse(List.of()));
      rows.add(cells);
    }
    return new Block(extra.label(), heads.columns(), heads.build(), rows);
  }

  static String unfavourableLabel(MatrixQuestion q, UnfavourableRule rule) {
    return String.join("、", q.options().stream().filter(o -> rule.options().contains(o.id()))
        .map(ScaleOption::label).toList());
  }

  /** 不认同超过三分之一. */
  static String flagText(MatrixQuestion q, UnfavourableRule rule) {
    return unfavourableLabel(q, rule) + RuleWording.verb(rule.threshold()) + RuleWording.shortFraction(rule.threshold().share());
  }
}
