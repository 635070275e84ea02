package org.pingyi.tally;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The tally counters in PostgreSQL, added to in the transaction that stores the ballots they count. */
public final class CounterStore {
  static final int SHARDS = 16;
  // Rows are locked in (event, key) order: two transactions adding to the same counters wait, never deadlock.
  private static final String ADD = """
      INSERT INTO tally_counters (event_id, key, shard, n)
      SELECT e, k, $4, n FROM unnest($1::uuid[], $2::text[], $3::bigint[]) AS t(e, k, n) ORDER BY e, k
      ON CONFLICT (event_id, key, shard) DO UPDATE SET n = tally_counters.n + excluded.n""";
  private static final String READ = "SELECT key, sum(n)::bigint AS n FROM tally_counters WHERE event_id = $1 GROUP BY key";

  private CounterStore() {
  }

  /** Adds the counters of the ballots just stored, per event, within {@code tx}. */
  public static Future<Void> add(SqlClient tx, Map<UUID, Map<String, Long>> byEvent) {
    List<UUID> events = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    new TreeMap<>(byEvent).forEach((event, counters) -> new TreeMap<>(counters).forEach((key, n) -> {
      events.add(event);
      keys.add(key);
      counts.add(n);
    }));
    if (keys.isEmpty()) return Future.succeededFuture();
    short shard = (short) ThreadLocalRandom.current().nextInt(SHARDS);
    return tx.preparedQuery(ADD).execute(Tuple.of(events.toArray(UUID[]::new), keys.toArray(String[]::new),
        counts.toArray(Long[]::new), shard)).mapEmpty();
  }

  public static Future<Map<String, Long>> read(SqlClient client, UUID eventId) {
    return client.preparedQuery(READ).execute(Tuple.of(eventId)).map(rows -> {
      Map<String, Long> counters = new HashMap<>();
      rows.forEach(row -> counters.put(row.getString("key"), row.getLong("n")));
      return counters;
    });
  }
}
