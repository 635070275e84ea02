package org.pingyi.audit;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One audit row as it is read: the row itself, plus the current title of its event and the current name of the
 * account it is about, so that a reader sees names rather than ids. {@code actorName} stays as written at the time.
 */
public record AuditRecord(long id, OffsetDateTime at, UUID actorId, String actorName, String action, String objectType,
                          String objectId, UUID eventId, String eventTitle, String accountName, JsonObject details) {

  static AuditRecord from(Row row) {
    return new AuditRecord(row.getLong("id"), row.getOffsetDateTime("at"), row.getUUID("actor_id"),
        row.getString("actor_name"), row.getString("action"), row.getString("object_type"),
        row.getString("object_id"), row.getUUID("event_id"), row.getString("event_title"),
        row.getString("account_name"), row.getJsonObject("details"));
  }

  /** The raw fields (as before) and their readable forms: actionName, subject, summary, eventTitle. */
  JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("at", at.toString())
        .put("actorId", actorId == null ? null : actorId.toString())
        .put("actorName", actorName)
        .put("action", action)
        .put("actionName", AuditText.actionName(action))
        .put("objectType", objectType)
        .put("objectId", objectId)
        .put("subject", AuditText.subject(this))
        .put("eventId", eventId == null ? null : eventId.toString())
        .put("eventTitle", eventTitle)
        .put("details", details)
        .put("summary", AuditText.summary(action, details));
  }
}
