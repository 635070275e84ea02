package org.pingyi.summary;

import java.util.ArrayList;
import java.util.List;
import org.pingyi.summary.SummaryTable.Block;
import org.pingyi.summary.SummaryTable.Cell;
import org.pingyi.form.Choice;
import org.pingyi.form.MultiQuestion;
import org.pingyi.form.ScaleOption;
import org.pingyi.form.ScaleQuestion;
import org.pingyi.form.TextQuestion;
import org.pingyi.tally.report.Figure;
import org.pingyi.tally.report.MultiResult;
import org.pingyi.tally.report.OptionCount;
import org.pingyi.tally.report.QuestionResult;
import org.pingyi.tally.report.ScaleResult;
import org.pingyi.tally.report.TextResult;

/** 选人用人工作评议 items: single-choice items with each option's count and share and the 好评率, multiple choice, free text. */
final class ItemBlocks {

  private ItemBlocks() {
  }

  /** A numbered item, as the ballot numbers it. */
  record Numbered<Q, R extends QuestionResult>(int number, Q question, R result) {
  }

  /** Items with the same scale in one table: 评议项目, 作答票数, per option 票数 and 比例, 好评率 (and without 不了解). */
  static Block scales(List<Numbered<ScaleQuestion, ScaleResult>> items) {
    List<ScaleOption> options = items.get(0).question().options();
    boolean favourable = !RuleWording.favourable(options).isEmpty();
    boolean unknown = options.stream().anyMatch(ScaleOption::unknown);
    ColumnHeadings heads = ColumnHeadings.of(true).single("评议项目").single("作答票数");
    options.forEach(o -> heads.pair(o.label(), "票数"));
    String rateLabel = RuleWording.favourableLabel(options);
    if (favourable) heads.single(rateLabel);
    if (favourable && unknown) heads.single(rateLabel + "（不计“不了解”）");
    List<List<Cell>> rows = new ArrayList<>();
    for (Numbered<ScaleQuestion, ScaleResult> item : items) {
      List<Cell> row = new ArrayList<>();
      row.add(Cell.text(item.number() + ". " + item.question().text()));
      row.add(Cell.count(item.result().answered()));
      optionCells(row, item.result().options());
      if (favourable) row.add(Cell.rate(Figure.valueOf(item.result().favourableRate())));
      if (favourable && unknown) row.add(Cell.rate(Figure.valueOf(item.result().favourableRateExcludingUnknown())));
      rows.add(row);
    }
    return new Block("", heads.columns(), heads.build(), rows);
  }

  /** Each option counted on its own, over the ballots that answered the item. */
  static Block multi(Numbered<MultiQuestion, MultiResult> item) {
    long answered = item.result().answered();
    ColumnHeadings heads = ColumnHeadings.of(false).single("选项").single("票数").single("比例");
    List<List<Cell>> rows = new ArrayList<>();
    for (Choice choice : item.question().options()) {
      OptionCount option = OptionCount.byId(item.result().options(), choice.id())
          .orElse(Absent.option(choice.id(), choice.label()));
      rows.add(List.of(Cell.text(choice.label()), Cell.count(option.count()), Cell.rate(option.percent())));
    }
    String caption = item.number() + ". " + item.question().text() + "（可多选，作答 " + answered + " 张）";
    return new Block(caption, heads.columns(), heads.build(), rows);
  }

  /** Free text is not summarised: the line says how many wrote something and where the words are kept. */
  static Block text(Numbered<TextQuestion, TextResult> item) {
    return Block.line(item.number() + ". " + item.question().text() + "：填写 " + item.result().answered()
        + " 份（原文见选票原始数据，不列入汇总表）");
  }

  /** Each option's count and rate, as two cells, in the order of the report. */
  static void optionCells(List<Cell> row, List<OptionCount> options) {
    for (OptionCount option : options) {
      row.add(Cell.count(option.count()));
      row.add(Cell.rate(option.percent()));
    }
  }
}
