package org.pingyi.slip;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The slips of paper ballots, found by their printed serial: locked while clerks enter them, used once stored. */
public final class PaperSlips {
  private static final String LOCK_SLIP = """
      SELECT state, category_code FROM slips WHERE event_id = $1 AND serial = $2 FOR UPDATE""";
  // A slip registered 未收回 whose paper ballot turns up after all (found in the box after the close) was returned:
  // its ballot counts, and the slip is used like any other.
  private static final String USE = """
      UPDATE slips SET state = 'used' WHERE event_id = $1 AND serial = $2 AND state IN ('unused', 'unreturned')""";

  private PaperSlips() {
  }

  /** The slip's state and category, locked so that two clerks' entries of one serial queue up. */
  public static Future<Optional<Map.Entry<SlipState, String>>> lock(SqlClient tx, UUID eventId, String serial) {
    return tx.preparedQuery(LOCK_SLIP).execute(Tuple.of(eventId, serial)).map(rows -> rows.size() == 0
        ? Optional.empty()
        : Optional.of(Map.entry(SlipState.fromWire(rows.iterator().next().getString("state")),
            rows.iterator().next().getString("category_code"))));
  }

  /** Marks the slip of a paper ballot used (also one registered 未收回: its ballot came back after all). */
  public static Future<Void> use(SqlClient tx, UUID eventId, String serial) {
    return tx.preparedQuery(USE).execute(Tuple.of(eventId, serial)).compose(rows -> rows.rowCount() == 1
        ? Future.succeededFuture() : Future.failedFuture(new IllegalStateException("slip changed under its lock")));
  }
}
