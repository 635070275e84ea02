package org.pingyi.audit;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;
import org.pingyi.auth.Staff;

/**
 * Appends to and reads the audit log. Other features append inside their own transaction, so an action
 * and its audit row are committed together or not at all. There is no update or delete path.
 */
public final class AuditLog {
  private static final String APPEND = """
      INSERT INTO audit_log (actor_id, actor_name, action, object_type, object_id, event_id, details)
      VALUES ($1, $2, $3, $4, $5, $6, $7)""";
  private static final String PAGE = """
      SELECT id, at, actor_id, actor_name, action, object_type, object_id, event_id, details
      FROM audit_log
      WHERE ($1::bigint IS NULL OR id < $1) AND ($2::uuid IS NULL OR event_id = $2)
      ORDER BY id DESC
      LIMIT $3""";

  private final Pool pool;

  public AuditLog(Pool pool) {
    this.pool = pool;
  }

  /** One thing that happened: who did what to which object. */
  public record Entry(UUID actorId, String actorName, String action, String objectType, String objectId,
                      UUID eventId, JsonObject details) {

    public static Entry by(Staff actor, String action, String objectType, Object objectId, UUID eventId,
                           JsonObject details) {
      return new Entry(actor.id(), actor.displayName() + "（" + actor.username() + "）", action, objectType,
          objectId == null ? null : objectId.toString(), eventId, details);
    }
  }

  public Future<Void> append(SqlClient client, Entry entry) {
    return client.preparedQuery(APPEND)
        .execute(Tuple.of(entry.actorId(), entry.actorName(), entry.action(), entry.objectType(),
            entry.objectId(), entry.eventId(), entry.details() == null ? new JsonObject() : entry.details()))
        .mapEmpty();
  }

  /** Newest first, one page before the given id. */
  public Future<JsonArray> page(Long beforeId, UUID eventId, int limit) {
    return pool.preparedQuery(PAGE).execute(Tuple.of(beforeId, eventId, limit))
        .map(rows -> {
          JsonArray page = new JsonArray();
          rows.forEach(row -> page.add(toJson(row)));
          return page;
        });
  }

  private static JsonObject toJson(Row row) {
    return new JsonObject()
        .put("id", row.getLong("id"))
        .put("at", row.getOffsetDateTime("at").toString())
        .put("actorId", row.getUUID("actor_id") == null ? null : row.getUUID("actor_id").toString())
        .put("actorName", row.getString("actor_name"))
        .put("action", row.getString("action"))
        .put("objectType", row.getString("object_type"))
        .put("objectId", row.getString("object_id"))
        .put("eventId", row.getUUID("event_id") == null ? null : row.getUUID("event_id").toString())
        .put("details", row.getJsonObject("details"));
  }
}
