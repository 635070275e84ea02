package org.pingyi.event;

import java.time.LocalDate;
import java.util.List;

/** What an organizer fills in about an event (everything but its id, status and forms). */
public record EventDetails(
    String title,
    String organizingUnit,
    LocalDate date,
    String venue,
    int expectedAttendance,
    List<VoterCategory> categories,
    List<String> counters,
    List<String> supervisors,
    String responsibleName,
    String responsibleTitle) {
}
