package org.pingyi.probation;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.UUID;

/** One line of the probation register: a cadre, the appointment, and the assessment started for it (or null). */
public record ProbationEntry(UUID id, Appointment appointment, Assessment assessment) {

  public DueList.State stateOn(LocalDate today) {
    return DueList.stateOf(this, today);
  }

  JsonObject toJson(LocalDate today) {
    Appointment a = appointment;
    JsonObject json = new JsonObject().put("id", id.toString()).put("name", a.name()).put("formerPost", a.formerPost())
        .put("currentPost", a.currentPost()).put("unit", a.unit()).put("appointedOn", a.appointedOn().toString())
        .put("months", a.months()).put("endsOn", a.probationEnds().toString())
        .put("state", stateOn(today).wireName());
    if (assessment != null) json.put("assessment", assessmentJson(assessment));
    return json;
  }

  private static JsonObject assessmentJson(Assessment s) {
    return new JsonObject().put("eventId", s.eventId().toString()).put("eventTitle", s.eventTitle())
        .put("eventStatus", s.eventStatus().wireName())
        .put("excellentRate", s.excellentRate() == null ? null : s.excellentRate().toPlainString())
        .put("competentOrBetterRate", s.competentOrBetterRate() == null ? null : s.competentOrBetterRate().toPlainString())
        .put("incompetentShare", s.incompetentShare() == null ? null : s.incompetentShare().toPlainString())
        .put("assessedOn", s.assessedOn() == null ? null : s.assessedOn().toString());
  }
}
