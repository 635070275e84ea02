package org.pingyi.board;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import java.util.UUID;

/** SQL for the receipts board: the closed event a board key names, and its ballots' receipt hashes. */
final class BoardRepository {
  // Only a closed or archived event has a board: an open one is not found, exactly as an unknown key is not.
  private static final String CLOSED_EVENT = """
      SELECT id, title, organizing_unit, event_date, venue FROM events
      WHERE board_key = $1 AND status IN ('closed', 'archived')""";

  /** The event's id and the board's heading, or empty when no closed event has this key. */
  Future<Optional<Heading>> closedEvent(SqlClient client, String boardKey) {
    return client.preparedQuery(CLOSED_EVENT).execute(Tuple.of(boardKey)).map(rows -> {
      if (rows.size() == 0) return Optional.empty();
      Row row = rows.iterator().next();
      return Optional.of(new Heading(row.getUUID("id"), row.getString("title"), row.getString("organizing_unit"),
          row.getLocalDate("event_date"), row.getString("venue")));
    });
  }

  /** The event as the board names it. */
  record Heading(UUID eventId, String title, String organizingUnit, java.time.LocalDate date, String venue) {
  }
}
