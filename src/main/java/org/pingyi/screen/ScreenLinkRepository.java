package org.pingyi.screen;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** SQL for screen links: each stored by the SHA-256 of its key, never the key itself. */
final class ScreenLinkRepository {
  private static final String CREATE = """
      INSERT INTO screen_links (event_id, key_sha256, label, created_by) VALUES ($1, $2, $3, $4) RETURNING id""";
  private static final String LIST = """
      SELECT l.id, l.label, l.created_at, l.revoked_at, a.display_name FROM screen_links l
      LEFT JOIN accounts a ON a.id = l.created_by WHERE l.event_id = $1 ORDER BY l.created_at""";
  private static final String REVOKE = """
      UPDATE screen_links SET revoked_at = now() WHERE event_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING id""";
  private static final String VALID = """
      SELECT id FROM screen_links WHERE key_sha256 = $1 AND event_id = $2 AND revoked_at IS NULL""";
  private static final String STILL_VALID = """
      SELECT id FROM screen_links WHERE event_id = $1 AND revoked_at IS NULL""";

  /** The id of the event's unrevoked link with this key hash, or empty. */
  Future<Optional<UUID>> valid(SqlClient client, byte[] keySha256, UUID eventId) {
    return client.preparedQuery(VALID).execute(Tuple.of(Buffer.buffer(keySha256), eventId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID("id")));
  }

  Future<Set<UUID>> stillValid(SqlClient client, UUID eventId) {
    return client.preparedQuery(STILL_VALID).execute(Tuple.of(eventId)).map(rows -> {
      Set<UUID> ids = new HashSet<>();
      rows.forEach(row -> ids.add(row.getUUID("id")));
      return ids;
    });
  }

  /** Inserts a link and returns its id. */
  Future<UUID> create(SqlClient client, UUID eventId, byte[] keySha256, String label, UUID createdBy) {
    return client.preparedQuery(CREATE).execute(Tuple.of(eventId, Buffer.buffer(keySha256), label, createdBy))
        .map(rows -> rows.iterator().next().getUUID("id"));
  }

  Future<JsonArray> list(SqlClient client, UUID eventId) {
    return client.preparedQuery(LIST).execute(Tuple.of(eventId)).map(rows -> {
      JsonArray links = new JsonArray();
      rows.forEach(row -> links.add(new JsonObject().put("id", row.getUUID("id").toString())
          .put("label", row.getString("label")).put("createdBy", row.getString("display_name"))
          .put("createdAt", row.getOffsetDateTime("created_at").toString())
          .put("revoked", row.getOffsetDateTime("revoked_at") != null)));
      return links;
    });
  }

  /** Marks the link revoked; false when the event has no such link still valid. */
  Future<Boolean> revoke(SqlClient client, UUID eventId, UUID linkId) {
    return client.preparedQuery(REVOKE).execute(Tuple.of(eventId, linkId)).map(rows -> rows.size() > 0);
  }
}
