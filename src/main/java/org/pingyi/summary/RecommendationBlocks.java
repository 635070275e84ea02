package org.pingyi.summary;

import java.util.ArrayList;
import java.util.List;
import org.pingyi.summary.SummaryTable.Block;
import org.pingyi.summary.SummaryTable.Cell;
import org.pingyi.form.Candidate;
import org.pingyi.form.Choice;
import org.pingyi.form.FormRules;
import org.pingyi.form.Position;
import org.pingyi.form.RecommendationQuestion;
import org.pingyi.tally.report.ApprovePosition;
import org.pingyi.tally.report.OptionCount;
import org.pingyi.tally.report.RecommendationResult;
import org.pingyi.tally.report.SelectPosition;

/** 民主推荐（会议推荐）: per position its valid ballots, then the candidates in order of votes with 得票率 and 过半数. */
final class RecommendationBlocks {

  private RecommendationBlocks() {
  }

  static List<Block> of(RecommendationQuestion q, RecommendationResult result, FormRules rules) {
    List<Block> blocks = new ArrayList<>();
    boolean approve = RecommendationQuestion.APPROVE.equals(q.mode());
    if (!approve) blocks.add(positions(q, result));
    for (Position p : q.positions()) {
      blocks.add(approve ? approveBlock(q, p, approved(result, p)) : candidates(p, selected(result, p), rules));
    }
    return blocks;
  }

  /** The report's position, or one with nothing counted (an edited form). */
  private static SelectPosition selected(RecommendationResult result, Position p) {
    return result.position(p.id(), SelectPosition.class)
        .orElse(new SelectPosition(p.id(), p.title(), p.seats(), 0, 0, 0, List.of(), List.of(), null));
  }

  private static ApprovePosition approved(RecommendationResult result, Position p) {
    return result.position(p.id(), ApprovePosition.class)
        .orElse(new ApprovePosition(p.id(), p.title(), p.seats(), 0, List.of()));
  }

  /** 推荐职位, 职数, the position's valid ballots, the parts void for too many marks, abstentions, the leading rate. */
  private static Block positions(RecommendationQuestion q, RecommendationResult result) {
    ColumnHeadings heads = ColumnHeadings.of(false).singles(List.of("推荐职位", "职数", "有效票", "超过职数无效", "弃权票", "最高得票率"));
    List<List<Cell>> rows = new ArrayList<>();
    for (Position p : q.positions()) {
      SelectPosition c = selected(result, p);
      rows.add(List.of(Cell.text(p.title()), Cell.count(p.seats()), Cell.count(c.valid()), Cell.count(c.invalid()),
          Cell.count(c.abstain()), Cell.rate(c.leadingRate())));
    }
    return new Block("推荐职位情况", heads.columns(), heads.build(), rows);
  }

  private static Block candidates(Position p, SelectPosition counted, FormRules rules) {
    ColumnHeadings heads = ColumnHeadings.of(false).singles(List.of("序号", "姓名", "性别", "出生年月", "现任职务", "得票数", "得票率", "是否过半数"));
    String flag = rules.majority() == null ? "" : RuleWording.majorityFlag(rules.majority());
    List<List<Cell>> rows = new ArrayList<>();
    for (SelectPosition.Votes c : counted.candidates()) {
      Candidate candidate = p.candidates().stream().filter(x -> x.id().equals(c.id())).findFirst()
          .orElse(new Candidate("", c.name(), "", "", ""));
      rows.add(List.of(Cell.count(rows.size() + 1), Cell.text(candidate.name()), Cell.text(candidate.gender()),
          Cell.text(candidate.birth()), Cell.text(candidate.currentPost()), Cell.count(c.count()),
          Cell.rate(c.percent()), Cell.flag(c.majority(), flag)));
    }
    for (SelectPosition.Votes w : counted.writeIns()) {
      rows.add(List.of(Cell.count(rows.size() + 1), Cell.text(w.name() + "（另行推荐）"), Cell.text(""),
          Cell.text(""), Cell.text(""), Cell.count(w.count()), Cell.rate(w.percent()), Cell.flag(w.majority(), flag)));
    }
    return new Block(caption(p), heads.columns(), heads.build(), rows);
  }

  /** The 同意 / 不同意 / 弃权 variant: each answer's count and share per candidate. */
  private static Block approveBlock(RecommendationQuestion q, Position p, ApprovePosition counted) {
    List<Choice> options = q.approveOptionsOrDefault();
    ColumnHeadings heads = ColumnHeadings.of(true).singles(List.of("序号", "姓名", "性别", "出生年月", "现任职务"));
    options.forEach(o -> heads.pair(o.label(), "票数"));
    List<List<Cell>> rows = new ArrayList<>();
    for (Candidate candidate : p.candidates()) {
      List<OptionCount> counts = counted.candidate(candidate.id()).map(ApprovePosition.Candidate::options)
          .orElse(List.of());
      List<Cell> cells = new ArrayList<>(List.of(Cell.count(rows.size() + 1), Cell.text(candidate.name()),
          Cell.text(candidate.gender()), Cell.text(candidate.birth()), Cell.text(candidate.currentPost())));
      ItemBlocks.optionCells(cells, counts);
      rows.add(cells);
    }
    return new Block(caption(p) + "，有效票 " + counted.valid() + " 张", heads.columns(), heads.build(), rows);
  }

  private static String caption(Position p) {
    return "推荐职位：" + p.title() + "（职数 " + p.seats() + " 名）";
  }
}
