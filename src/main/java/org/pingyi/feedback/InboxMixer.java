package org.pingyi.feedback;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves waiting messages from the inbox into {@code feedback_messages}, shuffled, in a transaction of its own
 * (V014): every message of a day that is over, and, on a busy day, all but a random {@link #K} of a box's messages
 * once 2k are waiting. What stays is written back shuffled too. So a stored message shares its transaction id and
 * its place with at least k others (or with its whole day), never with the moment it came in, and staff, who see
 * only mixed messages, cannot watch one arrive. After a move the inbox is vacuumed, so the dead rows (which held
 * each message with its arrival's transaction id) do not linger. Every instance runs one; an advisory lock lets one
 * work at a time.
 */
public final class InboxMixer {
  private static final Logger LOG = LoggerFactory.getLogger(InboxMixer.class);
  /** The smallest batch a message is moved in during its own day. */
  static final int K = 5;
  static final long INTERVAL_MS = 2_000;
  private static final String ONE_MIXER = "SELECT pg_try_advisory_xact_lock(7355609) AS taken";
  private static final String DUE = """
      SELECT EXISTS (SELECT 1 FROM feedback_inbox WHERE received_on < feedback_today())
          OR EXISTS (SELECT 1 FROM feedback_inbox GROUP BY box_id, received_on HAVING count(*) >= 2 * $1) AS due""";
  /**
   * One pass in one statement: takes every waiting message out, shuffles each box's day with gen_random_uuid()
   * (PostgreSQL's strong random source), stores those that move in a fresh shuffle and holds the rest again, also
   * shuffled. Rows are written in the order the SELECT gives them, so the shuffle is their order.
   */
  private static final String MIX = """
      WITH taken AS (
        DELETE FROM feedback_inbox RETURNING followup_sha256, box_id, received_on, category, cadre, body),
      ranked AS (
        SELECT t.*, row_number() OVER (PARTITION BY box_id, received_on ORDER BY gen_random_uuid()) AS place,
               count(*) OVER (PARTITION BY box_id, received_on) AS waiting
        FROM taken t),
      decided AS (
        SELECT r.*, r.received_on < feedback_today() OR (r.waiting >= 2 * $1 AND r.place <= r.waiting - $1) AS moves
        FROM ranked r),
      stored AS (
        INSERT INTO feedback_messages (box_id, received_on, category, cadre, body, followup_sha256)
        SELECT box_id, received_on, category, cadre, body, followup_sha256 FROM decided WHERE moves
        ORDER BY gen_random_uuid()),
      kept AS (
        INSERT INTO feedback_inbox (followup_sha256, box_id, received_on, category, cadre, body)
        SELECT followup_sha256, box_id, received_on, category, cadre, body FROM decided WHERE NOT moves
        ORDER BY gen_random_uuid())
      SELECT count(*) FILTER (WHERE moves)::int AS moved FROM decided""";
  private static final String VACUUM = "VACUUM (SKIP_LOCKED) feedback_inbox";

  private final Vertx vertx;
  private final Pool pool;
  private final long timer;
  private boolean mixing;

  public InboxMixer(Vertx vertx, Pool pool) {
    this.vertx = vertx;
    this.pool = pool;
    this.timer = vertx.setPeriodic(INTERVAL_MS, id -> pass());
  }

  public void stop() {
    vertx.cancelTimer(timer);
  }

  private void pass() {
    if (mixing) return;
    mixing = true;
    mixOnce()
        .compose(moved -> moved > 0 ? pool.query(VACUUM).execute().mapEmpty() : Future.succeededFuture())
        .onComplete(done -> {
          mixing = false;
          if (done.failed()) LOG.debug("Mixing the feedback inbox failed, trying again: {}", done.cause().getMessage());
        });
  }

  /** One pass; how many messages moved (0 when another instance holds the lock or nothing is due). */
  Future<Integer> mixOnce() {
    return pool.withTransaction(tx -> tx.query(ONE_MIXER).execute().compose(locked -> {
      if (!locked.iterator().next().getBoolean("taken")) return Future.succeededFuture(0);
      return tx.preparedQuery(DUE).execute(Tuple.of(K)).compose(due -> due.iterator().next().getBoolean("due")
          ? tx.preparedQuery(MIX).execute(Tuple.of(K)).map(rows -> rows.iterator().next().getInteger("moved"))
          : Future.succeededFuture(0));
    }));
  }
}
