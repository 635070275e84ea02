package org.pingyi.box;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.pingyi.event.EventStatus;
import org.pingyi.tally.TallyCounters;

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
      SELECT category_code, channel, count(*)::int AS held FROM held_ballots WHERE event_id = $1
      GROUP BY category_code, channel""";
  private static final String MIN_GROUP_SIZES = """
      SELECT (definition #>> '{rules,minGroupSize}')::int AS size FROM forms
      WHERE event_id = $1 AND frozen_at IS NOT NULL""";
  /** One mixer per event at a time, across every server instance sharing the database. */
  private static final String ONE_MIXER = "SELECT pg_advisory_xact_lock(hashtextextended($1::text, 7355608))";
  private static final String ONE_MIXER_IF_FREE =
      "SELECT pg_try_advisory_xact_lock(hashtextextended($1::text, 7355608)) AS taken";
  /**
   * One mixing pass, in one statement: takes every held ballot of the event out, shuffles each group with
   * gen_random_uuid() (PostgreSQL's strong random source), stores the first {@code moving} of each group (all of
   * them when $5 is true) in a fresh shuffle, holds the rest again, also shuffled, and returns what the stored
   * ones add to the results. Rows are written in the order the SELECT gives them, so the shuffle is their order.
   * Held counters carry each key once and the marker $6 (TallyCounters.held): the sum adds each key again for
   * the row's category; rows held without the marker (by an older version) carry both already.
   */
  private static final String MIX = """
      WITH plan AS (
        SELECT * FROM unnest($2::text[], $3::text[], $4::int[]) AS p(category_code, channel, moving)),
      taken AS (
        DELETE FROM held_ballots WHERE event_id = $1
        RETURNING category_code, channel, unreadable, answers, receipt_sha256, counters),
      shuffled AS (
        SELECT t.*, row_number() OVER (PARTITION BY t.category_code, t.channel ORDER BY gen_random_uuid()) AS place
        FROM taken t),
      decided AS (
        SELECT s.*, $5 OR s.place <= coalesce(p.moving, 0) AS moves, s.counters ? $6 AS keys_once
        FROM shuffled s LEFT JOIN plan p ON p.category_code = s.category_code AND p.channel = s.channel),
      stored AS (
        INSERT INTO ballots (event_id, category_code, channel, unreadable, answers, receipt_sha256)
        SELECT $1, category_code, channel, unreadable, answers, receipt_sha256 FROM decided WHERE moves
        ORDER BY gen_random_uuid()),
      kept AS (
        INSERT INTO held_ballots (event_id, category_code, channel, unreadable, answers, receipt_sha256, counters)
        SELECT $1, category_code, channel, unreadable, answers, receipt_sha256, counters FROM decided WHERE NOT moves
        ORDER BY gen_random_uuid())
      SELECT k.key, sum(c.value::bigint)::bigint AS n
      FROM decided d, jsonb_each_text(d.counters) AS c,
        LATERAL (SELECT c.key UNION ALL SELECT 'c:' || d.category_code || '|' || c.key WHERE d.keys_once) AS k(key)
      WHERE d.moves AND c.key <> $6 GROUP BY k.key""";
  /** Takes stored ballots of a group back into the box, counted already (no counters), to be mixed again. */
  private static final String TAKE_BACK = """
      WITH taken AS (
        DELETE FROM ballots WHERE id IN (
          SELECT id FROM ballots WHERE event_id = $1 AND category_code = $2 AND channel = $3
          ORDER BY gen_random_uuid() LIMIT $4)
        RETURNING category_code, channel, unreadable, answers, receipt_sha256)
      INSERT INTO held_ballots (event_id, category_code, channel, unreadable, answers, receipt_sha256, counters)
      SELECT $1, category_code, channel, unreadable, answers, receipt_sha256, '{}'::jsonb FROM taken""";
  private static final String VACUUM = "VACUUM (SKIP_LOCKED) held_ballots, paper_entries";

  /** A group of held ballots: one event, category and channel. */
  record HeldGroup(UUID eventId, EventStatus eventStatus, String categoryCode, String channel, int held) {
  }

  /** How many ballots one of an event's groups holds. */
  record Held(String categoryCode, String channel, int count) {
  }

  /** How many of a group's held ballots to store now. */
  record Move(String categoryCode, String channel, int moving) {
  }

  Future<Void> drop(SqlClient tx, List<NewBallot> ballots) {
    Tuple columns = Tuple.of(
        ballots.stream().map(NewBallot::eventId).toArray(UUID[]::new),
        ballots.stream().map(NewBallot::categoryCode).toArray(String[]::new),
        ballots.stream().map(NewBallot::channel).toArray(String[]::new),
        ballots.stream().map(NewBallot::unreadable).toArray(Boolean[]::new),
        ballots.stream().map(NewBallot::answers).toArray(String[]::new),
        ballots.stream().map(b -> Buffer.buffer(b.receiptHash())).toArray(Buffer[]::new),
        ballots.stream().map(NewBallot::counters).toArray(String[]::new));
    return tx.preparedQuery(DROP).execute(columns).mapEmpty();
  }

  Future<Boolean> receiptStored(SqlClient client, UUID eventId, byte[] receiptHash) {
    return client.preparedQuery(RECEIPT_STORED).execute(Tuple.of(eventId, Buffer.buffer(receiptHash)))
        .map(rows -> rows.size() > 0);
  }

  Future<List<HeldGroup>> heldGroups(SqlClient client) {
    return client.query(HELD_GROUPS).execute().map(rows -> {
      List<HeldGroup> groups = new ArrayList<>();
      rows.forEach(r -> groups.add(new HeldGroup(r.getUUID("event_id"), EventStatus.fromWire(r.getString("status")),
          r.getString("category_code"), r.getString("channel"), r.getInteger("held"))));
      return groups;
    });
  }

  Future<List<Held>> heldPerGroup(SqlClient client, UUID eventId) {
    return client.preparedQuery(HELD_IN_EVENT).execute(Tuple.of(eventId)).map(rows -> {
      List<Held> held = new ArrayList<>();
      rows.forEach(r -> held.add(new Held(r.getString("category_code"), r.getString("channel"), r.getInteger("held"))));
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

  /** Waits for, then takes, the event's mixer lock until the transaction ends. */
  Future<Void> oneMixerAtATime(SqlClient tx, UUID eventId) {
    return tx.preparedQuery(ONE_MIXER).execute(Tuple.of(eventId.toString())).mapEmpty();
  }

  /** Takes the event's mixer lock if no other mixer holds it; false if one does (it will do the work). */
  Future<Boolean> oneMixerIfFree(SqlClient tx, UUID eventId) {
    return tx.preparedQuery(ONE_MIXER_IF_FREE).execute(Tuple.of(eventId.toString()))
        .map(rows -> rows.iterator().next().getBoolean("taken"));
  }

  /**
   * Mixes the event's held ballots by the plan (or all of them when {@code moveAll}); returns the result counters
   * of the ballots stored, summed.
   */
  Future<Map<String, Long>> mix(SqlClient tx, UUID eventId, List<Move> plan, boolean moveAll) {
    Tuple params = Tuple.of(eventId,
        plan.stream().map(Move::categoryCode).toArray(String[]::new),
        plan.stream().map(Move::channel).toArray(String[]::new),
        plan.stream().map(Move::moving).toArray(Integer[]::new),
        moveAll, TallyCounters.PER_CATEGORY_IN_MIX);
    return tx.preparedQuery(MIX).execute(params).map(rows -> {
      Map<String, Long> counters = new HashMap<>();
      rows.forEach(r -> counters.put(r.getString("key"), r.getLong("n")));
      return counters;
    });
  }

  /** Takes {@code count} random stored ballots of a group back into the box, to be mixed with new ones. */
  Future<Void> takeBack(SqlClient tx, UUID eventId, String categoryCode, String channel, int count) {
    return tx.preparedQuery(TAKE_BACK).execute(Tuple.of(eventId, categoryCode, channel, count)).mapEmpty();
  }

  /** Removes the dead versions of held ballots and paper entries, which still hold what was deleted. */
  Future<Void> vacuum(SqlClient client) {
    return client.query(VACUUM).execute().mapEmpty();
  }
}
