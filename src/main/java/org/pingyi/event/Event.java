package org.pingyi.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A 测评活动: one meeting's evaluation, with its details and lifecycle state. */
public record Event(UUID id, EventDetails details, EventStatus status, OffsetDateTime createdAt,
                    OffsetDateTime updatedAt) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id.toString())
        .put("title", details.title())
        .put("organizingUnit", details.organizingUnit())
        .put("date", details.date() == null ? null : details.date().toString())
        .put("venue", details.venue())
        .put("expectedAttendance", details.expectedAttendance())
        .put("status", status.wireName())
        .put("categories", new JsonArray(details.categories().stream().map(VoterCategory::toJson).toList()))
        .put("counters", new JsonArray(details.counters()))
        .put("supervisors", new JsonArray(details.supervisors()))
        .put("responsible", new JsonObject().put("name", details.responsibleName())
            .put("title", details.responsibleTitle()))
        .put("createdAt", createdAt.toString())
        .put("updatedAt", updatedAt.toString());
  }
}
