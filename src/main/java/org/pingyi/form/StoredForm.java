package org.pingyi.form;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.util.UUID;

/** A form as stored: its document, edit version and, once the event opened, the SHA-256 it was frozen with. */
public record StoredForm(UUID id, UUID eventId, int position, JsonObject definition, int version, boolean frozen,
                         String frozenSha256) {

  static StoredForm from(Row row) {
    return new StoredForm(row.getUUID("id"), row.getUUID("event_id"), row.getInteger("position"),
        row.getJsonObject("definition"), row.getInteger("version"), row.getOffsetDateTime("frozen_at") != null,
        row.getString("frozen_sha256"));
  }

  public JsonObject toJson() {
    return summary().put("eventId", eventId.toString()).put("definition", definition);
  }

  /** What the event page lists. */
  public JsonObject summary() {
    return new JsonObject().put("id", id.toString()).put("title", definition.getString("title"))
        .put("template", definition.getString("template")).put("version", version).put("frozen", frozen)
        .put("sha256", frozenSha256);
  }
}
