package org.pingyi.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingyi.event.EventStatus;

class CompletenessCheckTest {
  private static final RecordFacts COMPLETE = new RecordFacts(EventStatus.CLOSED, List.of("赵计票"), List.of("钱监票"), "孙书记",
      "主持人", LocalDate.of(2026, 12, 1), 0, 0);

  @Test
  void aCompleteRecordLacksNothing() {
    assertThat(CompletenessCheck.of(COMPLETE)).isEmpty();
  }

  @Test
  void eachGapIsNamedOnItsOwn() {
    assertThat(codes(new RecordFacts(EventStatus.OPEN, COMPLETE.counters(), COMPLETE.supervisors(), "孙书记", "主持人", COMPLETE.date(), 0, 0)))
        .containsExactly("event_not_closed");
    assertThat(codes(new RecordFacts(EventStatus.CLOSED, List.of(" "), COMPLETE.supervisors(), "孙书记", "主持人", COMPLETE.date(), 0, 0)))
        .containsExactly("counters");
    assertThat(codes(new RecordFacts(EventStatus.CLOSED, COMPLETE.counters(), List.of(), "孙书记", "主持人", COMPLETE.date(), 0, 0)))
        .containsExactly("supervisors");
    assertThat(codes(new RecordFacts(EventStatus.CLOSED, COMPLETE.counters(), COMPLETE.supervisors(), "", "主持人", COMPLETE.date(), 0, 0)))
        .containsExactly("responsible");
    assertThat(codes(new RecordFacts(EventStatus.CLOSED, COMPLETE.counters(), COMPLETE.supervisors(), "孙书记", "主持人", null, 0, 0)))
        .containsExactly("date");
    assertThat(codes(new RecordFacts(EventStatus.CLOSED, COMPLETE.counters(), COMPLETE.supervisors(), "孙书记", "主持人", COMPLETE.date(), 3, 0)))
        .containsExactly("slips_unaccounted");
    assertThat(codes(new RecordFacts(EventStatus.CLOSED, COMPLETE.counters(), COMPLETE.supervisors(), "孙书记", "主持人", COMPLETE.date(), 0, 2)))
        .containsExactly("paper_pending");
  }

  @Test
  void theMessagesSayWhatToDoInChineseWithTheResponsiblePersonsTitle() {
    var missing = CompletenessCheck.of(new RecordFacts(EventStatus.CLOSED, List.of(), List.of(), "", "支部书记", null, 4, 1));

    assertThat(missing).extracting(RecordGap::message).containsExactly("未填写计票人", "未填写监票人", "未填写支部书记姓名",
        "未填写日期（汇总表的填表日期）", "还有 4 张票签既未投票、未作废，也未登记为未收回：请清点后作废或登记为未收回",
        "还有 1 张纸质票等待第二遍录入或两遍录入不一致：请完成双人录入");
  }

  @Test
  void theUnaccountedSlipsAreNamedByTheirSerialsTheFirstEightRunsAtMost() {
    List<String> runs = java.util.stream.IntStream.rangeClosed(1, 9).mapToObj(i -> "A-000" + i).toList();

    var few = CompletenessCheck.of(new RecordFacts(EventStatus.CLOSED, COMPLETE.counters(), COMPLETE.supervisors(), "孙书记",
        "主持人", COMPLETE.date(), 7, 0, List.of("A-0003", "A-0007 至 A-0012")));
    var many = CompletenessCheck.of(new RecordFacts(EventStatus.CLOSED, COMPLETE.counters(), COMPLETE.supervisors(), "孙书记",
        "主持人", COMPLETE.date(), 9, 0, runs));

    assertThat(few).extracting(RecordGap::message).containsExactly(
        "还有 7 张票签既未投票、未作废，也未登记为未收回（A-0003、A-0007 至 A-0012）：请清点后作废或登记为未收回");
    assertThat(many.get(0).message()).contains("（A-0001、A-0002、A-0003、A-0004、A-0005、A-0006、A-0007、A-0008 等）")
        .doesNotContain("A-0009");
  }

  private static List<String> codes(RecordFacts facts) {
    return CompletenessCheck.of(facts).stream().map(RecordGap::code).toList();
  }
}
