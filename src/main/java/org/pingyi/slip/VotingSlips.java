package org.pingyi.slip;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.pingyi.event.EventStatus;

/** The slips phones vote with, found by their token hashes with their events, and consumed in the cast transaction. */
public final class VotingSlips {
  /** What casting needs of a slip, for many slips at once: nothing of its event but its state and title. */
  private static final String SLIP = """
      SELECT s.token_sha256, s.state, s.event_id, s.category_code, e.status, e.title
      FROM slips s JOIN events e ON e.id = s.event_id
      WHERE s.token_sha256 = ANY($1)""";
  /** What the voter's page shows above the ballot: the event and the slip's category. */
  private static final String HEADING = """
      SELECT e.title, e.organizing_unit, e.event_date, e.venue, c.name AS category_name
      FROM events e JOIN voter_categories c ON c.event_id = e.id AND c.code = $2
      WHERE e.id = $1""";
  // Locking in token order: two groups sharing slips then always wait in the same direction, never in a cycle.
  private static final String CONSUME_ALL = """
      WITH claimed AS (
        SELECT token_sha256 FROM slips WHERE token_sha256 = ANY($1) AND state = 'unused'
        ORDER BY token_sha256 FOR UPDATE)
      UPDATE slips s SET state = 'used' FROM claimed WHERE s.token_sha256 = claimed.token_sha256
      RETURNING s.token_sha256""";

  private VotingSlips() {
  }

  /** A slip as casting with it needs it: its state, category and event (the title only for refusals). */
  public record SlipView(SlipState state, UUID eventId, String categoryCode, EventStatus eventStatus, String title) {
  }

  /** The voter's page heading: the event's title, unit, date and venue, and the name of the slip's category. */
  public record Heading(JsonObject event, String categoryName) {
  }

  /** The slips found among the given token hashes, keyed by {@link #tokenKey}. */
  public static Future<Map<ByteBuffer, SlipView>> slips(SqlClient client, List<byte[]> tokenHashes) {
    Buffer[] hashes = tokenHashes.stream().map(Buffer::buffer).toArray(Buffer[]::new);
    return client.preparedQuery(SLIP).execute(Tuple.of(hashes)).map(rows -> {
      Map<ByteBuffer, SlipView> found = new HashMap<>();
      rows.forEach(row -> found.put(tokenKey(row.getBuffer("token_sha256").getBytes()), slipView(row)));
      return found;
    });
  }

  private static SlipView slipView(Row row) {
    return new SlipView(SlipState.fromWire(row.getString("state")), row.getUUID("event_id"), row.getString("category_code"),
        EventStatus.fromWire(row.getString("status")), row.getString("title"));
  }

  /** The heading of the page a slip of this event and category opens; null when the event is gone meanwhile. */
  public static Future<Heading> heading(SqlClient client, UUID eventId, String categoryCode) {
    return client.preparedQuery(HEADING).execute(Tuple.of(eventId, categoryCode)).map(rows -> {
      if (rows.size() == 0) return null;
      Row row = rows.iterator().next();
      JsonObject event = new JsonObject().put("title", row.getString("title"))
          .put("organizingUnit", row.getString("organizing_unit"))
          .put("date", row.getLocalDate("event_date") == null ? null : row.getLocalDate("event_date").toString())
          .put("venue", row.getString("venue"));
      return new Heading(event, row.getString("category_name"));
    });
  }

  /** A token hash as a key of maps and sets: compared by its bytes, and no hex string made for it. */
  public static ByteBuffer tokenKey(byte[] tokenHash) {
    return ByteBuffer.wrap(tokenHash);
  }

  /** Marks the unused slips among these as used; returns the {@link #tokenKey}s of those it marked. */
  public static Future<Set<ByteBuffer>> consume(SqlClient tx, List<byte[]> tokenHashes) {
    if (tokenHashes.isEmpty()) return Future.succeededFuture(Set.of());
    Buffer[] hashes = tokenHashes.stream().map(Buffer::buffer).toArray(Buffer[]::new);
    return tx.preparedQuery(CONSUME_ALL).execute(Tuple.of(hashes)).map(rows -> {
      Set<ByteBuffer> consumed = new HashSet<>();
      rows.forEach(row -> consumed.add(tokenKey(row.getBuffer("token_sha256").getBytes())));
      return consumed;
    });
  }
}
