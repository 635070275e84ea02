package org.pingyi.rawexport;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pingyi.ballot.PlainJson;
import org.pingyi.db.WorkerSql;
import org.pingyi.form.FormDefinition;
import org.pingyi.form.FormJson;

/** SQL for the raw exports: an event's frozen forms, its ballots per category, and the ballots themselves. */
final class RawBallotRepository {
  private static final String FROZEN_FORMS = """
      SELECT id, definition, frozen_sha256 FROM forms
      WHERE event_id = $1 AND frozen_at IS NOT NULL ORDER BY position""";
  private static final String CATEGORY_COUNTS = """
      SELECT category_code, count(*) AS ballots FROM ballots WHERE event_id = $1 GROUP BY category_code""";
  // Ordered by id, a random UUID (gen_random_uuid): the order says nothing about when each ballot came in,
  // whereas the table's physical order (and so an unordered scan) follows the order of arrival.
  // The answers as text, not jsonb: the client would otherwise parse every ballot into maps on the event loop;
  // as text they reach the export worker, which reads only what it prints (AnswerDecoder).
  private static final String BALLOTS = """
      SELECT category_code, channel, unreadable, answers::text AS answers FROM ballots WHERE event_id = $1
      ORDER BY id""";
  private static final String BALLOT_COUNT = "SELECT count(*) AS ballots FROM ballots WHERE event_id = $1";

  Future<List<ExportedForm>> frozenForms(SqlClient client, UUID eventId) {
    return client.preparedQuery(FROZEN_FORMS).execute(Tuple.of(eventId)).map(rows -> {
      List<ExportedForm> forms = new ArrayList<>();
      for (Row row : rows) {
        FormDefinition definition = FormJson.parse(row.getJsonObject("definition"));
        // The canonical writer restores the key order that jsonb dropped: these are the bytes that were hashed.
        forms.add(new ExportedForm(row.getUUID("id"), row.getString("frozen_sha256"),
            FormJson.toJson(definition).encode(), definition));
      }
      return forms;
    });
  }

  Future<Map<String, Long>> ballotsPerCategory(SqlClient client, UUID eventId) {
    return client.preparedQuery(CATEGORY_COUNTS).execute(Tuple.of(eventId)).map(rows -> {
      Map<String, Long> counts = new LinkedHashMap<>();
      rows.forEach(row -> counts.put(row.getString("category_code"), row.getLong("ballots")));
      return counts;
    });
  }

  /** The event's ballots in id order, read through a cursor by a worker thread; close when done. */
  static Ballots ballots(WorkerSql sql, UUID eventId) {
    return new Ballots(sql, eventId);
  }

  /** Stored rows as {@link StoredBallot}s, one cursor batch at a time (the next fetched while this one is read). */
  static final class Ballots implements Iterator<StoredBallot>, AutoCloseable {
    private final WorkerSql sql;
    private final UUID eventId;
    private WorkerSql.Rows rows;

    private Ballots(WorkerSql sql, UUID eventId) {
      this.sql = sql;
      this.eventId = eventId;
    }

    /** How many ballots the iteration gives: counted in the same snapshot, before the first is read. */
    long count() {
      if (rows != null) throw new IllegalStateException("count before reading the ballots");
      try (WorkerSql.Rows counted = sql.rows(BALLOT_COUNT, Tuple.of(eventId))) {
        return counted.next().getLong("ballots");
      }
    }

    private WorkerSql.Rows rows() {
      if (rows == null) rows = sql.rows(BALLOTS, Tuple.of(eventId));
      return rows;
    }

    @Override
    public boolean hasNext() {
      return rows().hasNext();
    }

    @Override
    public StoredBallot next() {
      Row row = rows().next();
      return new StoredBallot(row.getString("category_code"), row.getString("channel"), row.getBoolean("unreadable"),
          row.getString("answers"));
    }

    @Override
    public void close() {
      if (rows != null) rows.close();
    }
  }

  /** A ballot row with its answers as PostgreSQL prints the jsonb. */
  record StoredBallot(String categoryCode, String channel, boolean unreadable, String answers) {

    /** The answers as plain maps and lists, exactly as the client would have decoded the jsonb column. */
    @SuppressWarnings("unchecked")
    RawBallot parsed() {
      return new RawBallot(categoryCode, channel, unreadable, (Map<String, Object>) PlainJson.of(new JsonObject(answers)));
    }
  }
}
