package org.pingyi.board;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.pingyi.ballot.Receipt;

/** SQL for the receipts board: the closed event a board key names, and its ballots' receipt hashes. */
final class BoardRepository {
  // Only a closed or archived event has a board: an open one is not found, exactly as an unknown key is not.
  private static final String CLOSED_EVENT = """
      SELECT id, title, organizing_unit, event_date, venue FROM events
      WHERE board_key = $1 AND status IN ('closed', 'archived')""";
  // Sorted by the hash: the list's order says nothing about the order the ballots came in (nor does the code,
  // its first 50 bits, sort any differently).
  private static final String RECEIPTS = """
      SELECT receipt_sha256 FROM ballots WHERE event_id = $1 ORDER BY receipt_sha256""";

  /** The event's id and the board's heading, or empty when no closed event has this key. */
  Future<Optional<Heading>> closedEvent(SqlClient client, String boardKey) {
    return client.preparedQuery(CLOSED_EVENT).execute(Tuple.of(boardKey)).map(rows -> {
      if (rows.size() == 0) return Optional.empty();
      Row row = rows.iterator().next();
      return Optional.of(new Heading(row.getUUID("id"), row.getString("title"), row.getString("organizing_unit"),
          row.getLocalDate("event_date"), row.getString("venue")));
    });
  }

  Future<List<String>> codes(SqlClient client, UUID eventId) {
    return client.preparedQuery(RECEIPTS).execute(Tuple.of(eventId)).map(rows -> {
      List<String> codes = new ArrayList<>(rows.size());
      rows.forEach(row -> codes.add(new Receipt(row.getBuffer("receipt_sha256").getBytes()).code()));
      return codes;
    });
  }

  /** The event as the board names it. */
  record Heading(UUID eventId, String title, String organizingUnit, java.time.LocalDate date, String venue) {
  }
}
