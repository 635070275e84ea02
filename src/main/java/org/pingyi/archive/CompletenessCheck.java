package org.pingyi.archive;

import java.util.ArrayList;
import java.util.List;

/**
 * 资料规范性检查: what an event's record must hold before it is archived. The annual inspection found tables
 * without dates, without the team leader's signature, without the supervisors' names; here each gap is named
 * so that it can be filled before the paper record is printed and signed.
 */
public final class CompletenessCheck {
  static final int QUOTED_RUNS = 8;

  private CompletenessCheck() {
  }

  /** Every gap, in the order a clerk fixes them; empty when the record is complete. */
  public static List<RecordGap> of(RecordFacts facts) {
    List<RecordGap> gaps = new ArrayList<>();
    if (!facts.status().votingOver()) {
      gaps.add(new RecordGap("event_not_closed", "投票尚未结束：请先结束投票"));
    }
    if (blank(facts.counters())) gaps.add(new RecordGap("counters", "未填写计票人"));
    if (blank(facts.supervisors())) gaps.add(new RecordGap("supervisors", "未填写监票人"));
    if (facts.responsibleName() == null || facts.responsibleName().isBlank()) {
      String title = facts.responsibleTitle() == null || facts.responsibleTitle().isBlank() ? "负责人" : facts.responsibleTitle();
      gaps.add(new RecordGap("responsible", "未填写" + title + "姓名"));
    }
    if (facts.date() == null) gaps.add(new RecordGap("date", "未填写日期（汇总表的填表日期）"));
    if (facts.unaccountedSlips() > 0) {
      gaps.add(new RecordGap("slips_unaccounted", "还有 " + facts.unaccountedSlips()
          + " 张票签既未投票、未作废，也未登记为未收回" + quoted(facts.unaccountedRuns()) + "：请清点后作废或登记为未收回"));
    }
    if (facts.pendingPaper() > 0) {
      gaps.add(new RecordGap("paper_pending", "还有 " + facts.pendingPaper()
          + " 张纸质票等待第二遍录入或两遍录入不一致：请完成双人录入"));
    }
    return gaps;
  }

  /** The serials named in the message: the first few runs, then 等, so that a hall's worth stays one line. */
  static String quoted(List<String> runs) {
    if (runs == null || runs.isEmpty()) return "";
    String listed = String.join("、", runs.subList(0, Math.min(runs.size(), QUOTED_RUNS)));
    return "（" + listed + (runs.size() > QUOTED_RUNS ? " 等" : "") + "）";
  }

  private static boolean blank(List<String> names) {
    return names == null || names.stream().allMatch(n -> n == null || n.isBlank());
  }
}
