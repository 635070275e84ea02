package org.pingyi.ballot;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.pingyi.event.EventStatus;
import org.pingyi.slip.SlipState;

/** SQL for casting: reading slips with their events and consuming them; the published receipts. */
public final class BallotRepository {
  private static final String SLIP = """
      SELECT s.token_sha256, s.state, s.event_id, s.category_code, c.name AS category_name, e.status,
             e.title, e.organizing_unit, e.event_date, e.venue
      FROM slips s JOIN events e ON e.id = s.event_id
                   JOIN voter_categories c ON c.event_id = s.event_id AND c.code = s.category_code
      WHERE s.token_sha256 = ANY($1)""";
  private static final String FROZEN_FORMS = """
      SELECT id, definition FROM forms WHERE event_id = $1 AND frozen_at IS NOT NULL ORDER BY position""";
  // KEY SHARE: many casts proceed together, but closing the event (FOR UPDATE) waits for them, and a cast
  // that starts after the close sees it: no ballot is accepted once the event is closed.
  private static final String EVENT_STATUS = "SELECT status FROM events WHERE id = $1 FOR KEY SHARE";
  private static final String OPEN_EVENTS = """
      SELECT id FROM events WHERE id = ANY($1) AND status = 'open' FOR KEY SHARE""";
  // Locking in token order: two groups sharing slips then always wait in the same direction, never in a cycle.
  private static final String CONSUME_ALL = """
      WITH claimed AS (
        SELECT token_sha256 FROM slips WHERE token_sha256 = ANY($1) AND state = 'unused'
        ORDER BY token_sha256 FOR UPDATE)
      UPDATE slips s SET state = 'used' FROM claimed WHERE s.token_sha256 = claimed.token_sha256
      RETURNING s.token_sha256""";
  // Sorted by the hash itself: the list's order says nothing about when each ballot came in.
  // Sorted by the hash: the list's order says nothing about the order the ballots came in (nor does the code,
  // its first 50 bits, sort any differently).
  private static final String RECEIPTS = "SELECT receipt_sha256 FROM ballots WHERE event_id = $1 ORDER BY receipt_sha256";

  /** A slip as the voter's page needs it: its state, category and event. */
  public record SlipView(SlipState state, UUID eventId, String categoryCode, String categoryName, EventStatus eventStatus,
                         JsonObject event) {

    String title() {
      return event.getString("title");
    }
  }

  /** The slips found among the given token hashes, keyed by {@link #tokenKey}. */
  Future<Map<ByteBuffer, SlipView>> slips(SqlClient client, List<byte[]> tokenHashes) {
    Buffer[] hashes = tokenHashes.stream().map(Buffer::buffer).toArray(Buffer[]::new);
    return client.preparedQuery(SLIP).execute(Tuple.of(hashes)).map(rows -> {
      Map<ByteBuffer, SlipView> found = new HashMap<>();
      rows.forEach(row -> found.put(tokenKey(row.getBuffer("token_sha256").getBytes()), slipView(row)));
      return found;
    });
  }

  private static SlipView slipView(Row row) {
    JsonObject event = new JsonObject().put("title", row.getString("title"))
        .put("organizingUnit", row.getString("organizing_unit"))
        .put("date", row.getLocalDate("event_date") == null ? null : row.getLocalDate("event_date").toString())
        .put("venue", row.getString("venue"));
    return new SlipView(SlipState.fromWire(row.getString("state")), row.getUUID("event_id"), row.getString("category_code"),
        row.getString("category_name"), EventStatus.fromWire(row.getString("status")), event);
  }

  /** A token hash as a key of maps and sets: compared by its bytes, and no hex string made for it. */
  static ByteBuffer tokenKey(byte[] tokenHash) {
    return ByteBuffer.wrap(tokenHash);
  }

  Future<List<FrozenForm>> frozenForms(SqlClient client, UUID eventId) {
    return client.preparedQuery(FROZEN_FORMS).execute(Tuple.of(eventId)).map(rows -> {
      List<FrozenForm> forms = new ArrayList<>();
      rows.forEach(row -> forms.add(FrozenForm.of(row.getUUID("id"), row.getJsonObject("definition"))));
      return forms;
    });
  }

  Future<EventStatus> lockEventStatus(SqlClient tx, UUID eventId) {
    return tx.preparedQuery(EVENT_STATUS).execute(Tuple.of(eventId))
        .map(rows -> EventStatus.fromWire(rows.iterator().next().getString("status")));
  }

  /** The events among these that are open, locked against closing until the transaction ends. */
  Future<Set<UUID>> lockOpenEvents(SqlClient tx, Set<UUID> eventIds) {
    return tx.preparedQuery(OPEN_EVENTS).execute(Tuple.of(eventIds.toArray(UUID[]::new))).map(rows -> {
      Set<UUID> open = new HashSet<>();
      rows.forEach(row -> open.add(row.getUUID("id")));
      return open;
    });
  }

  /** Marks the unused slips among these as used; returns the {@link #tokenKey}s of those it marked. */
  Future<Set<ByteBuffer>> consume(SqlClient tx, List<byte[]> tokenHashes) {
    if (tokenHashes.isEmpty()) return Future.succeededFuture(Set.of());
    Buffer[] hashes = tokenHashes.stream().map(Buffer::buffer).toArray(Buffer[]::new);
    return tx.preparedQuery(CONSUME_ALL).execute(Tuple.of(hashes)).map(rows -> {
      Set<ByteBuffer> consumed = new HashSet<>();
      rows.forEach(row -> consumed.add(tokenKey(row.getBuffer("token_sha256").getBytes())));
      return consumed;
    });
  }

  /** Every receipt code of the event's stored ballots, sorted: what the receipts board publishes. */
  public Future<List<String>> receiptCodes(SqlClient client, UUID eventId) {
    return client.preparedQuery(RECEIPTS).execute(Tuple.of(eventId)).map(rows -> {
      List<String> codes = new ArrayList<>(rows.size());
      rows.forEach(row -> codes.add(new Receipt(row.getBuffer("receipt_sha256").getBytes()).code()));
      return codes;
    });
  }
}
