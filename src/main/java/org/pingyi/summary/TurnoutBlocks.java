package org.pingyi.summary;

import java.util.ArrayList;
import java.util.List;
import org.pingyi.summary.SummaryTable.Block;
import org.pingyi.summary.SummaryTable.Cell;
import org.pingyi.tally.report.Quorum;
import org.pingyi.tally.report.Turnout;
import org.pingyi.tally.report.TurnoutLine;

/** The turnout line of docs/domain.md, per voter category and in total, with the quorum and the void-count warning. */
final class TurnoutBlocks {

  private TurnoutBlocks() {
  }

  /** @param quorum the form's quorum, or null when it has none */
  static List<Block> of(Turnout turnout, Quorum quorum) {
    ColumnHeadings heads = ColumnHeadings.of(false).singles(List.of("票类", "应到人数", "实到人数", "发出票数", "收回票数", "其中手机",
        "其中纸质", "有效票", "无效票"));
    List<List<Cell>> rows = new ArrayList<>();
    for (Turnout.Category c : turnout.categories()) rows.add(line(c.name() + "（" + c.code() + "）", c.line()));
    TurnoutLine total = turnout.overall();
    rows.add(line("合计", total));
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block("投票情况", heads.columns(), heads.build(), rows));
    if (quorum != null) blocks.add(Block.line(quorumLine(quorum)));
    if (total.returnedExceedsIssued()) {
      blocks.add(Block.line("收回票数多于发出票数：按规定本次投票无效，须重新投票。"));
    }
    for (Turnout.Category c : turnout.categories()) {
      if (c.line().returnedExceedsExpected()) blocks.add(Block.line(beyondExpected(c.name(), c.line())));
    }
    if (total.returnedExceedsExpected()) blocks.add(Block.line(beyondExpected("合计", total)));
    return blocks;
  }

  private static String beyondExpected(String who, TurnoutLine t) {
    return "注意：" + who + "实到 " + t.returned() + " 人，多于应到人数 " + t.expected()
        + " 人，请核实（超出应到人数发放票签的原因见审计日志）。";
  }

  /** 实到 is the ballots returned: the server cannot know who sat in the hall, only who handed a ballot in. */
  private static List<Cell> line(String label, TurnoutLine t) {
    return List.of(Cell.text(label), Cell.count(t.expected()), Cell.count(t.returned()), Cell.count(t.issued()),
        Cell.count(t.returned()), Cell.count(t.phone()), Cell.count(t.paper()), Cell.count(t.valid()),
        Cell.count(t.invalid()));
  }

  private static String quorumLine(Quorum quorum) {
    return "到会人数（以收回票数计）" + quorum.present() + " 人，应达到 " + quorum.required()
        + " 人（应到人数的 " + quorum.share() + "）："
        + (quorum.reached() ? "已达到，会议有效。" : "未达到，会议推荐无效。");
  }
}
