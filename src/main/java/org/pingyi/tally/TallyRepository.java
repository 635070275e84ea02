package org.pingyi.tally;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for the tally: the event as a snapshot heads it, its voter categories' slip counts. */
public final class TallyRepository {
  private static final String EVENT = """
      SELECT title, status, screen_turnout_only, expected_attendance, board_key FROM events WHERE id = $1""";
  /**
   * Issued slips are summed from their batches (a batch and its slips are written in one transaction): every
   * screen's snapshot reads this several times a second, and counting 100,000 slips each time took the voting's
   * CPU and made the screens' snapshots late under load. Voided slips are few and found by their index.
   */
  private static final String CATEGORIES = """
      SELECT c.code, c.name, c.expected, c.weight,
             (SELECT coalesce(sum(b.slip_count), 0) FROM slip_batches b
                WHERE b.event_id = c.event_id AND b.category_code = c.code) AS issued,
             (SELECT count(*) FROM slips s WHERE s.event_id = c.event_id AND s.category_code = c.code
                AND s.state = 'void') AS voided
      FROM voter_categories c WHERE c.event_id = $1 ORDER BY c.position""";

  /** The event's columns a snapshot reads, as stored (the status in its wire name). */
  public record EventRow(String title, String status, Boolean screenTurnoutOnly, Integer expectedAttendance,
                  String boardKey) {
  }

  public Future<Optional<EventRow>> event(SqlClient client, UUID eventId) {
    return client.preparedQuery(EVENT).execute(Tuple.of(eventId)).map(rows -> {
      if (rows.size() == 0) return Optional.empty();
      Row row = rows.iterator().next();
      return Optional.of(new EventRow(row.getString("title"), row.getString("status"),
          row.getBoolean("screen_turnout_only"), row.getInteger("expected_attendance"), row.getString("board_key")));
    });
  }

  public Future<List<TallyReport.Category>> categories(SqlClient client, UUID eventId) {
    return client.preparedQuery(CATEGORIES).execute(Tuple.of(eventId)).map(rows -> {
      List<TallyReport.Category> out = new ArrayList<>();
      rows.forEach(c -> out.add(new TallyReport.Category(c.getString("code"), c.getString("name"), c.getInteger("expected"),
          c.getNumeric("weight") == null ? null : c.getNumeric("weight").doubleValue(), c.getLong("issued"),
          c.getLong("voided"))));
      return out;
    });
  }
}
