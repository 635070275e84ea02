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
  private static final String BALLOTS = """
      SELECT category_code, channel, unreadable, answers FROM ballots WHERE event_id = $1 ORDER BY id""";

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
    return new Ballots(sql.rows(BALLOTS, Tuple.of(eventId)));
  }

  /** Stored rows as {@link RawBallot}s, one cursor batch at a time. */
  static final class Ballots implements Iterator<RawBallot>, AutoCloseable {
    private final WorkerSql.Rows rows;

    private Ballots(WorkerSql.Rows rows) {
      this.rows = rows;
    }

    @Override
    public boolean hasNext() {
      return rows.hasNext();
    }

    @Override
    @SuppressWarnings("unchecked")
    public RawBallot next() {
      Row row = rows.next();
      JsonObject answers = row.getJsonObject("answers");
      return new RawBallot(row.getString("category_code"), row.getString("channel"), row.getBoolean("unreadable"),
          (Map<String, Object>) PlainJson.of(answers));
    }

    @Override
    public void close() {
      rows.close();
    }
  }
}
