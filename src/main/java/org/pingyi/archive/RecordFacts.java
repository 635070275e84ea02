package org.pingyi.archive;

import java.time.LocalDate;
import java.util.List;
import org.pingyi.event.EventStatus;

/**
 * What the completeness check looks at in an event's record.
 *
 * @param unaccountedSlips issued slips neither used, voided nor declared not returned
 * @param pendingPaper     serials whose paper ballot awaits its second entry or has differing entries
 * @param unaccountedRuns  the unaccounted slips' serials, as runs ("A-0003", "A-0007 至 A-0012"), in order
 */
public record RecordFacts(EventStatus status, List<String> counters, List<String> supervisors, String responsibleName,
                          String responsibleTitle, LocalDate date, long unaccountedSlips, long pendingPaper,
                          List<String> unaccountedRuns) {

  /** Facts without the serials of the unaccounted slips. */
  public RecordFacts(EventStatus status, List<String> counters, List<String> supervisors, String responsibleName,
                     String responsibleTitle, LocalDate date, long unaccountedSlips, long pendingPaper) {
    this(status, counters, supervisors, responsibleName, responsibleTitle, date, unaccountedSlips, pendingPaper, List.of());
  }
}
