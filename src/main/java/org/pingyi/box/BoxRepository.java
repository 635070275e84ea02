package org.pingyi.box;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** SQL for the ballot box: held ballots in, mixed batches out into {@code ballots}. */
final class BoxRepository {
  private static final String DROP = """
      INSERT INTO held_ballots (event_id, category_code, channel, unreadable, answers, receipt_sha256, counters)
      SELECT e, c, ch, u, a::jsonb, r, n::jsonb
      FROM unnest($1::uuid[], $2::text[], $3::text[], $4::boolean[], $5::text[], $6::bytea[], $7::text[])
        AS t(e, c, ch, u, a, r, n)""";
  private static final String RECEIPT_STORED = """
      SELECT 1 FROM ballots WHERE event_id = $1 AND receipt_sha256 = $2
      UNION ALL SELECT 1 FROM held_ballots WHERE event_id = $1 AND receipt_sha256 = $2""";
  private static final String HELD_GROUPS = """
      SELECT h.event_id, e.status, h.category_code, h.channel, count(*)::int AS held
      FROM held_ballots h JOIN events e ON e.id = h.event_id
      GROUP BY h.event_id, e.status, h.category_code, h.channel""";
  private static final String HELD_IN_EVENT = """
      SELECT count(*)::int AS held FROM held_ballots WHERE event_id = $1 GROUP BY category_code, channel""";
  private static final String MIN_GROUP_SIZES = """
      SELECT (definition #>> '{rules,minGroupSize}')::int AS size FROM forms
      WHERE event_id = $1 AND frozen_at IS NOT NULL""";
  // KEY SHARE, as a cast takes it: mixers run beside casts, and closing (FOR UPDATE) waits for a mixer to finish.
  private static final String EVENT_STATUS = "SELECT status FROM events WHERE id = $1 FOR KEY SHARE";
  /** One mixer per event at a time, across every server instance sharing the database. */
  private static final String ONE_MIXER = "SELECT pg_advisory_xact_lock(hashtextextended($1::text, 7355608))";
  private static final String TAKE_HELD = """
      DELETE FROM held_ballots WHERE event_id = $1
      RETURNING category_code, channel, unreadable, answers::text AS answers, receipt_sha256, counters::text AS counters""";
  private static final String TAKE_STORED = """
      DELETE FROM ballots WHERE id IN (
        SELECT id FROM ballots WHERE event_id = $1 AND category_code = $2 AND channel = $3 ORDER BY random() LIMIT $4)
      RETURNING id, category_code, channel, unreadable, answers::text AS answers, receipt_sha256""";
  // Rows go in in the order of the arrays, which the mixer has shuffled.
  private static final String STORE = """
      INSERT INTO ballots (id, event_id, category_code, channel, unreadable, answers, receipt_sha256)
      SELECT i, $1, c, ch, u, a::jsonb, r
      FROM unnest($2::uuid[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::bytea[]) AS t(i, c, ch, u, a, r)""";
  private static final String VACUUM = "VACUUM (SKIP_LOCKED) held_ballots, paper_entries";

  /** A ballot taken out of the box's holding area, or out of {@code ballots} to be mixed again (then with its id). */
  record Taken(UUID id, String categoryCode, String channel, boolean unreadable, String answers, byte[] receiptHash,
               String counters) {

    String group() {
      return categoryCode + "\n" + channel;
    }
  }

  /** A group of held ballots: one event, category and channel. */
  record HeldGroup(UUID eventId, String eventStatus, String categoryCode, String channel, int held) {
  }

  Future<Void> drop(SqlClient tx, List<NewBallot> ballots) {
    Tuple columns = Tuple.of(
        ballots.stream().map(NewBallot::eventId).toArray(UUID[]::new),
        ballots.stream().map(NewBallot::categoryCode).toArray(String[]::new),
        ballots.stream().map(NewBallot::channel).toArray(String[]::new),
        ballots.stream().map(NewBallot::unreadable).toArray(Boolean[]::new),
        ballots.stream().map(b -> new JsonObject(b.answers()).encode()).toArray(String[]::new),
        ballots.stream().map(b -> Buffer.buffer(b.receiptHash())).toArray(Buffer[]::new),
        ballots.stream().map(b -> new JsonObject(new java.util.HashMap<String, Object>(b.counters())).encode()).toArray(String[]::new));
    return tx.preparedQuery(DROP).execute(columns).mapEmpty();
  }

  Future<Boolean> receiptStored(SqlClient client, UUID eventId, byte[] receiptHash) {
    return client.preparedQuery(RECEIPT_STORED).execute(Tuple.of(eventId, Buffer.buffer(receiptHash)))
        .map(rows -> rows.size() > 0);
  }

  Future<List<HeldGroup>> heldGroups(SqlClient client) {
    return client.query(HELD_GROUPS).execute().map(rows -> {
      List<HeldGroup> groups = new ArrayList<>();
      rows.forEach(r -> groups.add(new HeldGroup(r.getUUID("event_id"), r.getString("status"),
          r.getString("category_code"), r.getString("channel"), r.getInteger("held"))));
      return groups;
    });
  }

  /** How many ballots each of the event's groups holds. */
  Future<List<Integer>> heldPerGroup(SqlClient client, UUID eventId) {
    return client.preparedQuery(HELD_IN_EVENT).execute(Tuple.of(eventId)).map(rows -> {
      List<Integer> held = new ArrayList<>();
      rows.forEach(r -> held.add(r.getInteger("held")));
      return held;
    });
  }

  Future<List<Integer>> minGroupSizes(SqlClient client, UUID eventId) {
    return client.preparedQuery(MIN_GROUP_SIZES).execute(Tuple.of(eventId)).map(rows -> {
      List<Integer> sizes = new ArrayList<>();
      rows.forEach(r -> sizes.add(r.getInteger("size")));
      sizes.removeIf(Objects::isNull);
      return sizes;
    });
  }

  /** The event's status, locked against closing until the transaction ends; empty if there is no such event. */
  Future<String> lockEventStatus(SqlClient tx, UUID eventId) {
    return tx.preparedQuery(EVENT_STATUS).execute(Tuple.of(eventId))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("status"));
  }

  Future<Void> oneMixerAtATime(SqlClient tx, UUID eventId) {
    return tx.preparedQuery(ONE_MIXER).execute(Tuple.of(eventId.toString())).mapEmpty();
  }

  Future<List<Taken>> takeHeld(SqlClient tx, UUID eventId) {
    return tx.preparedQuery(TAKE_HELD).execute(Tuple.of(eventId)).map(rows -> taken(rows, false));
  }

  /** Takes {@code count} random stored ballots of a group out of {@code ballots}, to be written again. */
  Future<List<Taken>> takeStored(SqlClient tx, UUID eventId, String categoryCode, String channel, int count) {
    return tx.preparedQuery(TAKE_STORED).execute(Tuple.of(eventId, categoryCode, channel, count))
        .map(rows -> taken(rows, true));
  }

  /** Stores ballots in the given order; a ballot taken from the holding area gets a new random id. */
  Future<Void> store(SqlClient tx, UUID eventId, List<Taken> ballots) {
    if (ballots.isEmpty()) return Future.succeededFuture();
    Tuple columns = Tuple.of(eventId,
        ballots.stream().map(b -> b.id() == null ? UUID.randomUUID() : b.id()).toArray(UUID[]::new),
        ballots.stream().map(Taken::categoryCode).toArray(String[]::new),
        ballots.stream().map(Taken::channel).toArray(String[]::new),
        ballots.stream().map(Taken::unreadable).toArray(Boolean[]::new),
        ballots.stream().map(Taken::answers).toArray(String[]::new),
        ballots.stream().map(b -> Buffer.buffer(b.receiptHash())).toArray(Buffer[]::new));
    return tx.preparedQuery(STORE).execute(columns).mapEmpty();
  }

  /** Puts ballots back into the holding area, in the given order. */
  Future<Void> holdAgain(SqlClient tx, UUID eventId, List<Taken> ballots) {
    if (ballots.isEmpty()) return Future.succeededFuture();
    Tuple columns = Tuple.of(
        ballots.stream().map(b -> eventId).toArray(UUID[]::new),
        ballots.stream().map(Taken::categoryCode).toArray(String[]::new),
        ballots.stream().map(Taken::channel).toArray(String[]::new),
        ballots.stream().map(Taken::unreadable).toArray(Boolean[]::new),
        ballots.stream().map(Taken::answers).toArray(String[]::new),
        ballots.stream().map(b -> Buffer.buffer(b.receiptHash())).toArray(Buffer[]::new),
        ballots.stream().map(Taken::counters).toArray(String[]::new));
    return tx.preparedQuery(DROP).execute(columns).mapEmpty();
  }

  /** Removes the dead versions of held ballots and paper entries, which still hold what was deleted. */
  Future<Void> vacuum(SqlClient client) {
    return client.query(VACUUM).execute().mapEmpty();
  }

  private static List<Taken> taken(io.vertx.sqlclient.RowSet<Row> rows, boolean stored) {
    List<Taken> out = new ArrayList<>(rows.size());
    rows.forEach(r -> out.add(new Taken(stored ? r.getUUID("id") : null, r.getString("category_code"),
        r.getString("channel"), r.getBoolean("unreadable"), r.getString("answers"),
        r.getBuffer("receipt_sha256").getBytes(), stored ? null : r.getString("counters"))));
    return out;
  }
}
