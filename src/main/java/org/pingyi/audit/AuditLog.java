package org.pingyi.audit;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
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
  // Names, not ids: the event's title and the account's name as they are now. Only accounts and events are
  // joined, never slips or ballots, so reading the log links nothing the log itself does not hold.
  private static final String PAGE = """
      SELECT a.id, a.at, a.actor_id, a.actor_name, a.action, a.object_type, a.object_id, a.event_id, a.details,
             e.title AS event_title,
             CASE WHEN target.id IS NULL THEN NULL
                  ELSE target.display_name || '（' || target.username || '）' END AS account_name
      FROM audit_log a
      LEFT JOIN events e ON e.id = a.event_id
      LEFT JOIN accounts target ON a.object_type = 'account' AND target.id::text = a.object_id
      WHERE ($1::bigint IS NULL OR a.id < $1) AND ($2::uuid IS NULL OR a.event_id = $2)
        AND ($3::uuid IS NULL OR a.actor_id = $3)
      ORDER BY a.id DESC
      LIMIT $4""";

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

  /** Which rows a reader wants: one event's, one person's (as actor), or, with both null, all. */
  public record Filter(UUID eventId, UUID actorId) {
  }

  public Future<Void> append(SqlClient client, Entry entry) {
    return client.preparedQuery(APPEND)
        .execute(Tuple.of(entry.actorId(), entry.actorName(), entry.action(), entry.objectType(),
            entry.objectId(), entry.eventId(), entry.details() == null ? new JsonObject() : entry.details()))
        .mapEmpty();
  }

  /** Newest first, one page before the given id (from the newest when null). */
  public Future<List<AuditRecord>> page(Filter filter, Long beforeId, int limit) {
    return pool.preparedQuery(PAGE).execute(Tuple.of(beforeId, filter.eventId(), filter.actorId(), limit))
        .map(rows -> rows.stream().map(AuditRecord::from).toList());
  }
}
