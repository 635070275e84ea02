package org.pingyi.archive;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.Optional;
import java.util.UUID;
import org.pingyi.db.WorkerSql;

/** SQL for the archive zip: when the event was archived, its audit trail, and the stored manifests. */
final class ArchiveZipRepository {
  private static final String SNAPSHOT = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";
  private static final String ARCHIVED_AT = "SELECT archived_at FROM events WHERE id = $1";
  // Up to the archiving itself: whatever is logged for the event later does not change the archived record.
  private static final String AUDIT = """
      SELECT id, at, actor_id, actor_name, action, object_type, object_id, details FROM audit_log
      WHERE event_id = $1
        AND id <= (SELECT max(id) FROM audit_log WHERE event_id = $1 AND action = 'event.archived')
      ORDER BY id""";
  private static final String MANIFEST = "SELECT manifest, manifest_sha256 FROM archive_manifests WHERE event_id = $1";
  private static final String REMEMBER = """
      INSERT INTO archive_manifests (event_id, manifest, manifest_sha256) VALUES ($1, $2, $3)
      ON CONFLICT (event_id) DO NOTHING""";

  /** A stored manifest and its SHA-256. */
  record StoredManifest(String text, String sha256) {
  }

  /**
   * Call first in a transaction: every later read in it sees the database as of its first query, so the files
   * of one zip agree with each other even if something were written meanwhile.
   */
  Future<Void> readOnlySnapshot(SqlClient tx) {
    return tx.query(SNAPSHOT).execute().mapEmpty();
  }

  Future<OffsetDateTime> archivedAt(SqlClient client, UUID eventId) {
    return client.preparedQuery(ARCHIVED_AT).execute(Tuple.of(eventId))
        .map(rows -> rows.iterator().next().getOffsetDateTime("archived_at"));
  }

  Future<Optional<StoredManifest>> manifest(SqlClient client, UUID eventId) {
    return client.preparedQuery(MANIFEST).execute(Tuple.of(eventId)).map(rows -> rows.size() == 0 ? Optional.empty()
        : Optional.of(new StoredManifest(rows.iterator().next().getString("manifest"),
            rows.iterator().next().getString("manifest_sha256"))));
  }

  /** Keeps the first manifest computed; a later, different one is left for the caller to report. */
  Future<Void> remember(SqlClient client, UUID eventId, String manifest) {
    return client.preparedQuery(REMEMBER).execute(Tuple.of(eventId, manifest, Manifest.sha256(manifest))).mapEmpty();
  }

  /** The event's audit entries up to its archiving, through a cursor; as JSON objects. */
  static Iterator<JsonObject> audit(WorkerSql.Rows rows) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public JsonObject next() {
        return auditEntry(rows.next());
      }
    };
  }

  static WorkerSql.Rows auditRows(WorkerSql sql, UUID eventId) {
    return sql.rows(AUDIT, Tuple.of(eventId));
  }

  private static JsonObject auditEntry(Row row) {
    UUID actor = row.getUUID("actor_id");
    return new JsonObject().put("id", row.getLong("id")).put("at", row.getOffsetDateTime("at").toString())
        .put("actorId", actor == null ? null : actor.toString()).put("actorName", row.getString("actor_name"))
        .put("action", row.getString("action")).put("objectType", row.getString("object_type"))
        .put("objectId", row.getString("object_id")).put("details", row.getJsonObject("details"));
  }
}
