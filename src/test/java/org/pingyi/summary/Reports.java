package org.pingyi.summary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pingyi.ballot.BallotForm;
import org.pingyi.event.EventDetails;
import org.pingyi.event.VoterCategory;
import org.pingyi.tally.CountedBallot;
import org.pingyi.tally.Disclosure;
import org.pingyi.tally.TallyCounters;
import org.pingyi.tally.TallyReport;

/** Ballots counted by the real tally rules into a report, for the summary tables' plain tests. */
final class Reports {
  static final List<VoterCategory> CATEGORIES = List.of(
      new VoterCategory("A", "领导班子成员", 10, 30.0), new VoterCategory("B", "干部职工代表", 50, 70.0),
      new VoterCategory("C", "一般干部", 10, null));

  private final List<BallotForm> forms;
  private final List<CountedBallot> ballots = new ArrayList<>();

  Reports(BallotForm... forms) {
    this.forms = List.of(forms);
  }

  Reports add(String category, String channel, Map<String, Object> answers) {
    ballots.add(new CountedBallot(category, channel, false, answers));
    return this;
  }

  Reports unreadable(String category) {
    ballots.add(new CountedBallot(category, "paper", true, Map.of()));
    return this;
  }

  TallyReport report() {
    Map<String, Long> counters = new HashMap<>();
    ballots.forEach(b -> {
      TallyCounters.addInto(counters, TallyCounters.of(forms, b));
      TallyCounters.addInto(counters, TallyCounters.turnout(b.categoryCode(), b.channel()));
    });
    List<TallyReport.Category> categories = CATEGORIES.stream()
        .map(c -> new TallyReport.Category(c.code(), c.name(), c.expected(), c.weight(), c.expected(), 0)).toList();
    return TallyReport.of(forms, counters, categories, 70, Disclosure.FINAL);
  }

  List<SummaryTable> tables(EventDetails event) {
    return SummaryTables.of(event, forms, report());
  }

  static EventDetails event(LocalDate date) {
    return new EventDetails("2026年度一报告两评议", "中共某某县委组织部", date, "县委大礼堂", 70, CATEGORIES,
        List.of("赵计票", "李计票"), List.of("钱监票"), "孙书记", "主持人");
  }
}
