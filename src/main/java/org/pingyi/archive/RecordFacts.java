package org.pingyi.archive;

import java.time.LocalDate;
import java.util.List;

/**
 * What the completeness check looks at in an event's record.
 *
 * @param unaccountedSlips issued slips neither used, voided nor declared not returned
 * @param pendingPaper     serials whose paper ballot awaits its second entry or has differing entries
 */
public record RecordFacts(String status, List<String> counters, List<String> supervisors, String responsibleName,
                          String responsibleTitle, LocalDate date, long unaccountedSlips, long pendingPaper) {
}
