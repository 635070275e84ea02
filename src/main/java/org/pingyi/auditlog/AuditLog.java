package org.pingyi.auditlog;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;
import org.pingyi.staff.Staff;

/**
 * Appends to the audit log. Features append inside their own transaction, so an action and its audit row are
 * committed together or not at all. There is no update or delete path; reading is the audit feature's
 * ({@code org.pingyi.audit.AuditRepository}).
 */
public final class AuditLog {
  private static final String APPEND = """
      INSERT INTO audit_log (actor_id, actor_name, action, object_type, object_id, event_id, details)
      VALUES ($1, $2, $3, $4, $5, $6, $7)""";

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
}
