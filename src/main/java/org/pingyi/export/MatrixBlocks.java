package org.pingyi.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pingyi.export.SummaryTable.Block;
import org.pingyi.export.SummaryTable.Cell;
import org.pingyi.form.Choice;
import org.pingyi.form.ExtraScale;
import org.pingyi.form.FormRules;
import org.pingyi.form.MatrixColumn;
import org.pingyi.form.MatrixQuestion;
import org.pingyi.form.MatrixRow;
import org.pingyi.form.ScaleOption;
import org.pingyi.form.UnfavourableRule;

/**
 * Matrix questions: one row per cadre (新提拔任用干部, with 认同率, 不认同率 and the one-third flag, the reasons
 * and the canvassing question) or per assessment item (德能勤绩廉, with the answers and the average score).
 */
final class MatrixBlocks {

  private MatrixBlocks() {
  }

  /** The main table; {@code assessment} adds 作答票数 and 平均分 and leaves out the rates of favourable options. */
  static Block main(MatrixQuestion q, Map<String, Object> result, FormRules rules, boolean assessment) {
    UnfavourableRule rule = rules.unfavourable();
    boolean favourable = !assessment && !Rules.favourable(q.options()).isEmpty();
    boolean scored = q.options().stream().allMatch(o -> o.score() != null);
    Heads heads = Heads.of(true).single(q.rowHeader().isBlank() ? "项目" : q.rowHeader());
    q.columns().forEach(c -> heads.single(c.label()));
    if (assessment) heads.single("作答票数");
    q.options().forEach(o -> heads.pair(o.label(), "票数"));
    if (favourable) heads.single(Rules.favourableLabel(q.options()));
    if (rule != null) heads.single(unfavourableLabel(q, rule) + "率").single("标记");
    if (scored) heads.single("平均分");
    List<List<Cell>> rows = new ArrayList<>();
    for (MatrixRow row : q.rows()) {
      Map<String, Object> r = Figures.byId(Figures.list(result, "rows"), row.id()).orElse(Map.of());
      List<Cell> cells = new ArrayList<>();
      cells.add(Cell.text(row.label()));
      for (MatrixColumn column : q.columns()) cells.add(Cell.text(row.attributes().get(column.key())));
      if (assessment) cells.add(Cell.count(Figures.count(r, "answered")));
      ItemBlocks.optionCells(cells, Figures.list(r, "options"));
      rates(cells, r, q, favourable, rule);
      if (scored) cells.add(Cell.score(Figures.rate(r, "score")));
      rows.add(cells);
    }
    return new Block("", heads.columns(), heads.build(), rows);
  }

  private static void rates(List<Cell> cells, Map<String, Object> r, MatrixQuestion q, boolean favourable,
                            UnfavourableRule rule) {
    if (favourable) cells.add(Cell.rate(Figures.rate(r, "favourableRate")));
    if (rule == null) return;
    cells.add(Cell.rate(Figures.rate(r, "unfavourableRate")));
    cells.add(Cell.flag(Figures.flag(r, "flagged"), flagText(q, rule)));
  }

  /** 不认同的原因, counted per cadre. */
  static Block reasons(MatrixQuestion q, Map<String, Object> result) {
    Heads heads = Heads.of(false).single(q.rowHeader());
    q.reason().options().forEach(o -> heads.single(o.label()));
    List<List<Cell>> rows = new ArrayList<>();
    for (MatrixRow row : q.rows()) {
      Map<String, Object> r = Figures.byId(Figures.list(result, "rows"), row.id()).orElse(Map.of());
      List<Cell> cells = new ArrayList<>();
      cells.add(Cell.text(row.label()));
      for (Choice reason : q.reason().options()) {
        cells.add(Cell.count(Figures.count(Figures.byId(Figures.list(r, "reasons"), reason.id()).orElse(Map.of()), "count")));
      }
      rows.add(cells);
    }
    return new Block(q.reason().label() + "（可多选，票数）", heads.columns(), heads.build(), rows);
  }

  /** A further scale asked per row (是否存在拉票、跑官、要官行为), its counts and shares of the valid ballots. */
  static Block extra(MatrixQuestion q, ExtraScale extra, Map<String, Object> result) {
    Heads heads = Heads.of(true).single(q.rowHeader());
    extra.options().forEach(o -> heads.pair(o.label(), "票数"));
    List<List<Cell>> rows = new ArrayList<>();
    for (MatrixRow row : q.rows()) {
      Map<String, Object> r = Figures.byId(Figures.list(result, "rows"), row.id()).orElse(Map.of());
      Map<String, Object> x = Figures.byId(Figures.list(r, "extra"), extra.id()).orElse(Map.of());
      List<Cell> cells = new ArrayList<>();
      cells.add(Cell.text(row.label()));
      ItemBlocks.optionCells(cells, Figures.list(x, "options"));
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
    return unfavourableLabel(q, rule) + Rules.verb(rule.threshold()) + Rules.shortFraction(rule.threshold().share());
  }
}
