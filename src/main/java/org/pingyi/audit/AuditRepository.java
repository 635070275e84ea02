package org.pingyi.audit;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;

/** Reads the audit log that {@link org.pingyi.auditlog.AuditLog} appends to. */
final class AuditRepository {
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

  AuditRepository(Pool pool) {
    this.pool = pool;
  }

  /** Which rows a reader wants: one event's, one person's (as actor), or, with both null, all. */
  record Filter(UUID eventId, UUID actorId) {
  }

  /** Newest first, one page before the given id (from the newest when null). */
  Future<List<AuditRecord>> page(Filter filter, Long beforeId, int limit) {
    return pool.preparedQuery(PAGE).execute(Tuple.of(beforeId, filter.eventId(), filter.actorId(), limit))
        .map(rows -> rows.stream().map(AuditRecord::from).toList());
  }
}
