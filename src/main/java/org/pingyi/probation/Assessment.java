package org.pingyi.probation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.pingyi.event.EventStatus;

/**
 * The 试用期满考核 started for an entry: the event, the person's section in its 民主测评 form and, once the event is
 * archived, the figures of the summary table and the meeting's date.
 *
 * @param excellentRate         优秀率, percent, or null until archived (or when no valid ballot was cast)
 * @param competentOrBetterRate 称职以上率, percent
 * @param incompetentShare      the share of 不称职 (the overall grade's last option) among those who graded, percent
 */
public record Assessment(UUID eventId, String eventTitle, EventStatus eventStatus, String section,
                         BigDecimal excellentRate, BigDecimal competentOrBetterRate, BigDecimal incompetentShare,
                         LocalDate assessedOn) {

  /** "Done" is an archived assessment event. */
  public boolean archived() {
    return eventStatus == EventStatus.ARCHIVED;
  }
}
