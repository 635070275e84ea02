package org.pingyi.paper;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL for paper ballots: the entries awaiting a match, and ballot counts. */
final class PaperRepository {
  private static final String ENTRIES = """
      SELECT id, serial, clerk_id, clerk_name, unreadable, answers FROM paper_entries
      WHERE event_id = $1 AND serial = $2 ORDER BY clerk_name""";
  private static final String ALL_ENTRIES = """
      SELECT e.id, e.serial, e.clerk_id, e.clerk_name, e.unreadable, e.answers, s.category_code
      FROM paper_entries e JOIN slips s ON s.event_id = e.event_id AND s.serial = e.serial
      WHERE e.event_id = $1 ORDER BY e.serial, e.clerk_name""";
  private static final String INSERT_ENTRY = """
      INSERT INTO paper_entries (event_id, serial, clerk_id, clerk_name, unreadable, answers)
      VALUES ($1, $2, $3, $4, $5, $6)""";
  private static final String DELETE_ENTRIES = "DELETE FROM paper_entries WHERE event_id = $1 AND serial = $2";
  private static final String DELETE_ENTRY = """
      DELETE FROM paper_entries WHERE event_id = $1 AND serial = $2 AND id = $3 RETURNING clerk_name""";
  private static final String COUNTS = """
      SELECT c.code, count(b.channel) FILTER (WHERE b.channel = 'phone') AS phone,
             count(b.channel) FILTER (WHERE b.channel = 'paper') AS paper,
             count(b.channel) FILTER (WHERE b.unreadable) AS unreadable,
             (SELECT count(DISTINCT e.serial) FROM paper_entries e JOIN slips s
                ON s.event_id = e.event_id AND s.serial = e.serial
              WHERE e.event_id = c.event_id AND s.category_code = c.code) AS paper_pending
      FROM voter_categories c LEFT JOIN (
        SELECT id, event_id, category_code, channel, unreadable FROM ballots WHERE event_id = $1
        UNION ALL SELECT NULL, event_id, category_code, channel, unreadable FROM held_ballots WHERE event_id = $1
      ) b ON b.event_id = c.event_id AND b.category_code = c.code
      WHERE c.event_id = $1
      GROUP BY c.event_id, c.code, c.position ORDER BY c.position""";

  /** One clerk's entry of a paper ballot, as stored. */
  record Entry(UUID id, String serial, UUID clerkId, String clerkName, boolean unreadable, JsonObject answers,
               String categoryCode) {

    static Entry from(Row row) {
      return new Entry(row.getUUID("id"), row.getString("serial"), row.getUUID("clerk_id"), row.getString("clerk_name"),
          row.getBoolean("unreadable"), row.getJsonObject("answers"),
          row.getColumnIndex("category_code") >= 0 ? row.getString("category_code") : null);
    }
  }

  Future<List<Entry>> entries(SqlClient client, UUID eventId, String serial) {
    return client.preparedQuery(ENTRIES).execute(Tuple.of(eventId, serial)).map(PaperRepository::entries);
  }

  Future<List<Entry>> allEntries(SqlClient client, UUID eventId) {
    return client.preparedQuery(ALL_ENTRIES).execute(Tuple.of(eventId)).map(PaperRepository::entries);
  }

  Future<Void> insertEntry(SqlClient tx, UUID eventId, String serial, UUID clerkId, String clerkName, boolean unreadable,
                           Map<String, Object> answers) {
    return tx.preparedQuery(INSERT_ENTRY)
        .execute(Tuple.of(eventId, serial, clerkId, clerkName, unreadable, new JsonObject(answers))).mapEmpty();
  }

  Future<Void> deleteEntries(SqlClient tx, UUID eventId, String serial) {
    return tx.preparedQuery(DELETE_ENTRIES).execute(Tuple.of(eventId, serial)).mapEmpty();
  }

  /** The discarded entry's clerk, or empty when there was no such entry. */
  Future<Optional<String>> deleteEntry(SqlClient tx, UUID eventId, String serial, UUID entryId) {
    return tx.preparedQuery(DELETE_ENTRY).execute(Tuple.of(eventId, serial, entryId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString("clerk_name")));
  }

  Future<JsonArray> counts(SqlClient client, UUID eventId) {
    return client.preparedQuery(COUNTS).execute(Tuple.of(eventId)).map(rows -> {
      JsonArray counts = new JsonArray();
      rows.forEach(row -> counts.add(new JsonObject().put("category", row.getString("code"))
          .put("phone", row.getLong("phone")).put("paper", row.getLong("paper"))
          .put("unreadable", row.getLong("unreadable")).put("paperPending", row.getLong("paper_pending"))));
      return counts;
    });
  }

  private static List<Entry> entries(io.vertx.sqlclient.RowSet<Row> rows) {
    List<Entry> entries = new ArrayList<>();
    rows.forEach(row -> entries.add(Entry.from(row)));
    return entries;
  }
}
