package org.pingyi.archive;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/** SQL for the completeness check: an event's unused slips and its pending paper ballots. */
final class RecordRepository {
  private static final String COUNTS = """
      SELECT (SELECT count(*) FROM slips WHERE event_id = $1 AND state = 'unused') AS unaccounted,
             (SELECT count(DISTINCT serial) FROM paper_entries WHERE event_id = $1) AS pending_paper""";

  /** The event's unused slips, and its pending paper ballots counted by distinct serial. */
  record Counts(long unaccounted, long pendingPaper) {
  }

  Future<Counts> counts(SqlClient client, UUID eventId) {
    return client.preparedQuery(COUNTS).execute(Tuple.of(eventId)).map(rows -> {
      var row = rows.iterator().next();
      return new Counts(row.getLong("unaccounted"), row.getLong("pending_paper"));
    });
  }
}
