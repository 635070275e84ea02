package org.pingyi.recount;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.pingyi.summary.SummaryTable;
import org.pingyi.summary.SummaryTable.Block;
import org.pingyi.summary.SummaryTable.Head;

/**
 * Prints a recount as text, table by table, cells separated by " | " in the columns of the summary table, so that a
 * reader can lay it beside the printed 汇总表 line by line. The turnout and the notes are the recount's own.
 */
final class RecountPrinter {
  static final String SEPARATOR = " | ";
  /** Where the results of a table begin: the summary's own caption. */
  static final String RESULTS = "一、全体参评人员";

  private RecountPrinter() {
  }

  static void print(Recounting.Result result, List<String> checks, PrintStream out) {
    out.println("评议 独立重新计票：只读取 ballots.json 和冻结的表单，不连接数据库");
    checks.forEach(line -> out.println("核对 " + line));
    out.println("活动：" + result.event().title() + "　组织单位：" + result.event().organizingUnit()
        + "　日期：" + (result.event().date() == null ? "—" : result.event().date()));
    out.println("选票：" + result.ballots() + " 张");
    for (int i = 0; i < result.tables().size(); i++) {
      SummaryTable table = result.tables().get(i);
      out.println();
      out.println("==== " + table.title() + "（" + table.header().get(1).replaceFirst("^.*票种：", "") + "）====");
      turnout(result.turnout(), out);
      boolean results = false;
      for (Block block : table.blocks()) {
        if (block.caption().equals(RESULTS)) results = true;
        if (results) block(block, out);
      }
      if (result.weightedUnknown().contains(i)) {
        out.println("分类考核加权结果：有设权重的类别因选票过少在 ballots.json 中合并为“其他”，无法重算，不列出");
      }
    }
  }

  private static void turnout(List<List<String>> rows, PrintStream out) {
    out.println("投票情况（发出票数不在 ballots.json 中，见审计日志）");
    out.println(String.join(SEPARATOR, List.of("票类", "应到人数", "收回票数", "其中手机", "其中纸质", "有效票", "无效票")));
    rows.forEach(row -> out.println(String.join(SEPARATOR, row)));
  }

  private static void block(Block block, PrintStream out) {
    if (!block.caption().isEmpty()) out.println(block.caption());
    for (int r = 0; r < block.headRows(); r++) {
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < block.columns(); c++) cells.add("");
      for (Head head : block.head()) {
        if (head.row() == r) cells.set(head.col(), head.text());
      }
      out.println(String.join(SEPARATOR, cells));
    }
    for (List<SummaryTable.Cell> row : block.rows()) {
      out.println(String.join(SEPARATOR, row.stream().map(SummaryTable.Cell::display).toList()));
    }
  }
}
