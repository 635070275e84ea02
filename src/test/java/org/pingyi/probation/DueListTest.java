package org.pingyi.probation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingyi.event.EventStatus;

/** What is due is decided on dates alone, on the day of the clock passed in. */
class DueListTest {
  /** 2026-03-01 in China, though still 28 February in UTC: the register follows China's day. */
  private static final Clock MARCH_FIRST = Clock.fixed(Instant.parse("2026-02-28T17:00:00Z"), ZoneOffset.ofHours(8));
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

  @Test
  void theProbationEndsWhenItsMonthsAreUpCountedFromTheDayOfAppointment() {
    assertThat(appointed("2025-03-01", 12).probationEnds()).isEqualTo("2026-03-01");
    assertThat(appointed("2025-09-15", 6).probationEnds()).isEqualTo("2026-03-15");
    // No 29 February in 2025: the end is the month's last day, never the next month.
    assertThat(appointed("2024-02-29", 12).probationEnds()).isEqualTo("2025-02-28");
  }

  @Test
  void endingTodayOrWithinThirtyDaysIsDueAndTheThirtyFirstDayIsNotYet() {
    assertThat(state(entry("2025-03-01", 12, null))).isEqualTo(DueList.State.DUE);
    assertThat(state(entry("2025-03-31", 12, null))).isEqualTo(DueList.State.DUE);
    assertThat(state(entry("2025-04-01", 12, null))).isEqualTo(DueList.State.LATER);
  }

  @Test
  void endedYesterdayWithoutAnArchivedAssessmentIsOverdueEvenWithOneUnderWay() {
    assertThat(state(entry("2025-02-28", 12, null))).isEqualTo(DueList.State.OVERDUE);
    assertThat(state(entry("2025-02-28", 12, assessment("open")))).isEqualTo(DueList.State.OVERDUE);
    assertThat(state(entry("2025-02-28", 12, assessment("closed")))).isEqualTo(DueList.State.OVERDUE);
  }

  @Test
  void anArchivedAssessmentIsDoneWhetherTheProbationEndedOrNot() {
    assertThat(state(entry("2024-01-10", 12, assessment("archived")))).isEqualTo(DueList.State.DONE);
    assertThat(state(entry("2025-12-01", 12, assessment("archived")))).isEqualTo(DueList.State.DONE);
  }

  @Test
  void theListsTakeTheDayFromTheClockAndPutTheLongestOverdueFirst() {
    ProbationEntry lateLong = entry("2024-12-01", 12, null);
    ProbationEntry lateShort = entry("2025-02-20", 12, assessment("draft"));
    ProbationEntry dueSoon = entry("2025-03-10", 12, null);
    ProbationEntry dueToday = entry("2025-09-01", 6, null);
    ProbationEntry later = entry("2025-06-01", 12, null);
    ProbationEntry done = entry("2025-01-05", 12, assessment("archived"));

    DueList list = DueList.of(List.of(dueSoon, later, lateShort, done, dueToday, lateLong), MARCH_FIRST);

    assertThat(list.today()).isEqualTo(TODAY);
    assertThat(list.overdue()).containsExactly(lateLong, lateShort);
    assertThat(list.due()).containsExactly(dueToday, dueSoon);
    assertThat(list.done()).containsExactly(done);
  }

  @Test
  void theSameRegisterADayLaterMovesTheCadreEndingTodayToOverdue() {
    ProbationEntry endsToday = entry("2025-03-01", 12, null);
    Clock nextDay = Clock.offset(MARCH_FIRST, java.time.Duration.ofDays(1));

    assertThat(DueList.of(List.of(endsToday), MARCH_FIRST).due()).containsExactly(endsToday);
    assertThat(DueList.of(List.of(endsToday), nextDay).overdue()).containsExactly(endsToday);
  }

  private static DueList.State state(ProbationEntry entry) {
    return DueList.stateOf(entry, TODAY);
  }

  private static Appointment appointed(String on, int months) {
    return new Appointment("张三", "科员", "副科长", "县财政局", LocalDate.parse(on), months);
  }

  private static ProbationEntry entry(String on, int months, Assessment assessment) {
    return new ProbationEntry(UUID.randomUUID(), appointed(on, months), assessment);
  }

  private static Assessment assessment(String status) {
    boolean archived = "archived".equals(status);
    return new Assessment(UUID.randomUUID(), "试用期满考核", EventStatus.fromWire(status), "p1", archived ? new BigDecimal("40.00") : null,
        archived ? new BigDecimal("80.00") : null, archived ? new BigDecimal("20.00") : null,
        archived ? LocalDate.of(2026, 1, 15) : null);
  }
}
