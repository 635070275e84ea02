package org.pingyi.probation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * What the home page shows of the register on a given day: probations ending within {@link #WINDOW_DAYS} days, those
 * ended with no archived assessment (overdue), and those assessed. Plain Java; the day comes from a clock passed in.
 */
public record DueList(LocalDate today, List<ProbationEntry> overdue, List<ProbationEntry> due,
                      List<ProbationEntry> done) {
  /** How far ahead a probation's end is announced. */
  public static final int WINDOW_DAYS = 30;

  /** Where an entry stands on a day. */
  public enum State {
    /** Its assessment event is archived. */
    DONE("done"),
    /** The probation ended before today and no assessment is archived. */
    OVERDUE("overdue"),
    /** The probation ends today or within the next {@link #WINDOW_DAYS} days. */
    DUE("due"),
    /** It ends later. */
    LATER("later");

    private final String wireName;

    State(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  public static State stateOf(ProbationEntry entry, LocalDate today) {
    if (entry.assessment() != null && entry.assessment().archived()) return State.DONE;
    LocalDate ends = entry.appointment().probationEnds();
    if (ends.isBefore(today)) return State.OVERDUE;
    return ends.isAfter(today.plusDays(WINDOW_DAYS)) ? State.LATER : State.DUE;
  }

  /** Overdue and due by end date (the longest overdue first), done with the latest assessment first. */
  public static DueList of(List<ProbationEntry> entries, Clock clock) {
    LocalDate today = LocalDate.now(clock);
    Comparator<ProbationEntry> byEnd = Comparator.comparing((ProbationEntry e) -> e.appointment().probationEnds())
        .thenComparing(e -> e.appointment().name());
    Comparator<ProbationEntry> latestAssessed = Comparator.comparing(
        (ProbationEntry e) -> e.assessment().assessedOn(), Comparator.nullsLast(Comparator.reverseOrder()));
    return new DueList(today,
        entries.stream().filter(e -> stateOf(e, today) == State.OVERDUE).sorted(byEnd).toList(),
        entries.stream().filter(e -> stateOf(e, today) == State.DUE).sorted(byEnd).toList(),
        entries.stream().filter(e -> stateOf(e, today) == State.DONE).sorted(latestAssessed.thenComparing(byEnd)).toList());
  }
}
