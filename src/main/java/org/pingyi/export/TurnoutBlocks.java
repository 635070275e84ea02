package org.pingyi.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pingyi.export.SummaryTable.Block;
import org.pingyi.export.SummaryTable.Cell;

/** The turnout line of docs/domain.md, per voter category and in total, with the quorum and the void-count warning. */
final class TurnoutBlocks {

  private TurnoutBlocks() {
  }

  static List<Block> of(Map<String, Object> turnout, Map<String, Object> formReport) {
    Heads heads = Heads.of(false).singles(List.of("票类", "应到人数", "实到人数", "发出票数", "收回票数", "其中手机",
        "其中纸质", "有效票", "无效票"));
    List<List<Cell>> rows = new ArrayList<>();
    for (Map<String, Object> c : Figures.list(turnout, "categories")) {
      rows.add(line(Figures.text(c, "name") + "（" + Figures.text(c, "code") + "）", c));
    }
    rows.add(line("合计", turnout));
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block("投票情况", heads.columns(), heads.build(), rows));
    Map<String, Object> quorum = Figures.map(formReport, "quorum");
    if (!quorum.isEmpty()) blocks.add(Block.line(quorumLine(quorum)));
    if (Figures.flag(turnout, "returnedExceedsIssued")) {
      blocks.add(Block.line("收回票数多于发出票数：按规定本次投票无效，须重新投票。"));
    }
    for (Map<String, Object> c : Figures.list(turnout, "categories")) {
      if (Figures.flag(c, "returnedExceedsExpected")) blocks.add(Block.line(beyondExpected(Figures.text(c, "name"), c)));
    }
    if (Figures.flag(turnout, "returnedExceedsExpected")) blocks.add(Block.line(beyondExpected("合计", turnout)));
    return blocks;
  }

  private static String beyondExpected(String who, Map<String, Object> t) {
    return "注意：" + who + "实到 " + Figures.count(t, "returned") + " 人，多于应到人数 " + Figures.count(t, "expected")
        + " 人，请核实（超出应到人数发放票签的原因见审计日志）。";
  }

  /** 实到 is the ballots returned: the server cannot know who sat in the hall, only who handed a ballot in. */
  private static List<Cell> line(String label, Map<String, Object> t) {
    return List.of(Cell.text(label), Cell.count(Figures.count(t, "expected")), Cell.count(Figures.count(t, "returned")),
        Cell.count(Figures.count(t, "issued")), Cell.count(Figures.count(t, "returned")),
        Cell.count(Figures.count(t, "phone")), Cell.count(Figures.count(t, "paper")),
        Cell.count(Figures.count(t, "valid")), Cell.count(Figures.count(t, "invalid")));
  }

  private static String quorumLine(Map<String, Object> quorum) {
    return "到会人数（以收回票数计）" + Figures.count(quorum, "present") + " 人，应达到 " + Figures.count(quorum, "required")
        + " 人（应到人数的 " + Figures.text(quorum, "share") + "）："
        + (Figures.flag(quorum, "reached") ? "已达到，会议有效。" : "未达到，会议推荐无效。");
  }
}
