package org.pingyi.slip;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;
import org.pingyi.crypto.StoredSecrets;

/** SQL for slips and their batches. */
final class SlipRepository {
  private static final int INSERT_CHUNK = 5_000;
  private static final String NEXT_NUMBER = """
      SELECT coalesce(max(first_number + slip_count), 1) AS next
      FROM slip_batches WHERE event_id = $1 AND category_code = $2""";
  private static final String INSERT_BATCH = """
      INSERT INTO slip_batches (event_id, category_code, first_number, slip_count, issued_by)
      VALUES ($1, $2, $3, $4, $5) RETURNING id""";
  // One statement per chunk: unnest turns the two arrays into rows.
  private static final String INSERT_SLIPS = """
      INSERT INTO slips (token_sha256, event_id, category_code, batch_id, serial)
      SELECT h, $2, $3, $4, s FROM unnest($1::bytea[], $5::text[]) AS t(h, s)""";
  private static final String COUNTS = """
      SELECT c.code, count(s.serial) AS issued,
             count(*) FILTER (WHERE s.state = 'unused') AS unused,
             count(*) FILTER (WHERE s.state = 'used') AS used,
             count(*) FILTER (WHERE s.state = 'void') AS void,
             count(*) FILTER (WHERE s.state = 'unreturned') AS unreturned
      FROM voter_categories c LEFT JOIN slips s ON s.event_id = c.event_id AND s.category_code = c.code
      WHERE c.event_id = $1
      GROUP BY c.code, c.position ORDER BY c.position""";
  /** 发出 so far: issued (summed from the batches) less voided. */
  private static final String OUTSTANDING = """
      SELECT (SELECT coalesce(sum(slip_count), 0) FROM slip_batches WHERE event_id = $1 AND category_code = $2)
           - (SELECT count(*) FROM slips WHERE event_id = $1 AND category_code = $2 AND state = 'void') AS n""";
  private static final String UNRETURNED = """
      UPDATE slips SET state = 'unreturned' WHERE event_id = $1 AND state = 'unused'""";
  private static final String VOID = """
      UPDATE slips SET state = 'void' WHERE event_id = $1 AND serial = $2 AND state = 'unused' RETURNING serial""";
  private static final String STATE = "SELECT state FROM slips WHERE event_id = $1 AND serial = $2";

  Future<Long> outstanding(SqlClient tx, UUID eventId, String category) {
    return tx.preparedQuery(OUTSTANDING).execute(Tuple.of(eventId, category))
        .map(rows -> rows.iterator().next().getLong("n"));
  }

  Future<Integer> nextNumber(SqlClient tx, UUID eventId, String category) {
    return tx.preparedQuery(NEXT_NUMBER).execute(Tuple.of(eventId, category))
        .map(rows -> rows.iterator().next().getInteger("next"));
  }

  Future<UUID> insertBatch(SqlClient tx, UUID eventId, String category, int first, int count, UUID issuedBy) {
    return tx.preparedQuery(INSERT_BATCH).execute(Tuple.of(eventId, category, first, count, issuedBy))
        .map(rows -> rows.iterator().next().getUUID("id"));
  }

  /**
   * Inserts the hashes of slips 0..count-1, one statement per chunk, each chunk derived only when its turn
   * comes: a batch of 100,000 costs the memory of one chunk, not of the batch. Deriving and hashing a chunk
   * takes about 5 ms once the JIT has warmed up (measured), short enough to stay on the event loop.
   */
  Future<Void> insertSlips(SqlClient tx, UUID eventId, String category, UUID batchId, int count,
                           IntFunction<IssuedSlip> slipAt) {
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < count; from += INSERT_CHUNK) {
      int start = from;
      int end = Math.min(count, from + INSERT_CHUNK);
      chain = chain.compose(v -> insertChunk(tx, eventId, category, batchId, start, end, slipAt));
    }
    return chain;
  }

  Future<JsonArray> counts(SqlClient client, UUID eventId) {
    return client.preparedQuery(COUNTS).execute(Tuple.of(eventId)).map(rows -> {
      JsonArray counts = new JsonArray();
      rows.forEach(row -> counts.add(new JsonObject().put("category", row.getString("code"))
          .put("issued", row.getLong("issued")).put("unused", row.getLong("unused"))
          .put("used", row.getLong("used")).put("void", row.getLong("void"))
          .put("unreturned", row.getLong("unreturned"))));
      return counts;
    });
  }

  /** Declares every unused slip of the event not returned; the number declared. */
  Future<Integer> declareUnreturned(SqlClient tx, UUID eventId) {
    return tx.preparedQuery(UNRETURNED).execute(Tuple.of(eventId)).map(rows -> rows.rowCount());
  }

  /** True when an unused slip was voided now. */
  Future<Boolean> voidSlip(SqlClient tx, UUID eventId, String serial) {
    return tx.preparedQuery(VOID).execute(Tuple.of(eventId, serial)).map(rows -> rows.size() == 1);
  }

  Future<Optional<SlipState>> state(SqlClient client, UUID eventId, String serial) {
    return client.preparedQuery(STATE).execute(Tuple.of(eventId, serial))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(SlipState.fromWire(rows.iterator().next().getString("state"))));
  }

  private static Future<Void> insertChunk(SqlClient tx, UUID eventId, String category, UUID batchId,
                                          int start, int end, IntFunction<IssuedSlip> slipAt) {
    Buffer[] hashes = new Buffer[end - start];
    String[] serials = new String[end - start];
    for (int i = start; i < end; i++) {
      IssuedSlip slip = slipAt.apply(i);
      hashes[i - start] = Buffer.buffer(StoredSecrets.hash(slip.token()));
      serials[i - start] = slip.serial();
    }
    return tx.preparedQuery(INSERT_SLIPS).execute(Tuple.of(hashes, eventId, category, batchId, serials)).mapEmpty();
  }
}
