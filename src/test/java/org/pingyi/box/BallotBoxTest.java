package org.pingyi.box;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.Db;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.TestServer;
import org.pingyi.support.Voting;
import org.pingyi.tally.TallyCounters;

/** The ballot box against a real server and database: what is held, when it is mixed, and after a crash. */
class BallotBoxTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  private static Api organizer;
  private static Api clerk1;
  private static Api clerk2;
  private static Db db;

  @BeforeAll
  static void staff() {
    organizer = server.api().asAdmin().newStaff("organizer", "organizer", "organizer-pass");
    clerk1 = server.api().asAdmin().newStaff("clerk1", "clerk", "clerk1-password");
    clerk2 = server.api().asAdmin().newStaff("clerk2", "clerk", "clerk2-password");
    db = new Db(server.database());
  }

  @Test
  void aCastBallotIsHeldAndCountedInTheTurnoutAtOnceButInTheResultsOnlyInABatch() throws Exception {
    Voting voting = Voting.open(organizer, "投票箱");
    UUID eventId = UUID.fromString(voting.eventId);
    List<String> tokens = voting.slips(organizer, "A", 10);
    for (int i = 0; i < 9; i++) cast(voting, tokens.get(i));
    Thread.sleep(3 * Mixer.INTERVAL_MS);

    assertThat(db.count("SELECT count(*) FROM held_ballots WHERE event_id = ?", eventId)).isEqualTo(9);
    assertThat(db.count("SELECT count(*) FROM ballots WHERE event_id = ?", eventId)).isZero();
    assertThat(counter(eventId, "returned")).isEqualTo(9);
    assertThat(counter(eventId, "ballots")).isZero();

    cast(voting, tokens.get(9));
    awaitCount("SELECT count(*) FROM ballots WHERE event_id = ?", eventId, 5);
    assertThat(db.count("SELECT count(*) FROM held_ballots WHERE event_id = ?", eventId)).isEqualTo(5);
    assertThat(counter(eventId, "ballots")).isEqualTo(5);
    // The five that moved share the mixer's transaction, and none shares one with any slip.
    assertThat(db.count("SELECT count(DISTINCT xmin::text) FROM ballots WHERE event_id = ?", eventId)).isEqualTo(1);
    assertThat(db.count("SELECT count(*) FROM ballots b JOIN slips s ON s.xmin = b.xmin WHERE b.event_id = ?", eventId))
        .isZero();
  }

  @Test
  void aPaperBallotEnteredAfterTheCloseIsMixedAtOnceAmongKStoredBallotsOfItsGroup() {
    Voting voting = Voting.open(organizer, "会后录入");
    UUID eventId = UUID.fromString(voting.eventId);
    List<String> tokens = voting.slips(organizer, "B", 12);
    for (int i = 0; i < 6; i++) paper(voting, "B-" + String.format("%04d", i + 1));
    assertThat(organizer.post("/api/events/" + voting.eventId + "/close", null).statusCode()).isEqualTo(200);
    assertThat(db.count("SELECT count(*) FROM ballots WHERE event_id = ?", eventId)).isEqualTo(6);

    paper(voting, "B-0007");

    assertThat(db.count("SELECT count(*) FROM held_ballots WHERE event_id = ?", eventId)).isZero();
    assertThat(db.count("SELECT count(*) FROM ballots WHERE event_id = ?", eventId)).isEqualTo(7);
    assertThat(counter(eventId, "ballots")).isEqualTo(7);
    // The new ballot and the five taken out and written again share one transaction: it is one of six.
    assertThat(db.count("""
        SELECT count(*) FROM ballots WHERE event_id = ?
          AND xmin = (SELECT xmin FROM ballots WHERE event_id = ? ORDER BY xmin::text::bigint DESC LIMIT 1)""",
        eventId, eventId)).isEqualTo(6);
    assertThat(tokens).hasSize(12);
  }

  @Test
  void ballotsLeftHeldByACrashAfterTheCloseAreMixedByTheNextPass() throws Exception {
    Voting voting = Voting.open(organizer, "崩溃之后");
    UUID eventId = UUID.fromString(voting.eventId);
    assertThat(organizer.post("/api/events/" + voting.eventId + "/close", null).statusCode()).isEqualTo(200);
    // What a post-close paper entry leaves if the server dies between its commit and its mix.
    db.strings("""
        INSERT INTO held_ballots (event_id, category_code, channel, unreadable, answers, receipt_sha256, counters)
        VALUES (?, 'B', 'paper', true, '{}', decode(md5(random()::text), 'hex'),
                '{"ballots": 1, "c:B|ballots": 1, "unreadable": 1, "c:B|unreadable": 1}')
        RETURNING 1""", eventId);

    awaitCount("SELECT count(*) FROM ballots WHERE event_id = ?", eventId, 1);
    assertThat(db.count("SELECT count(*) FROM held_ballots WHERE event_id = ?", eventId)).isZero();
    assertThat(counter(eventId, "ballots")).isEqualTo(1);
    assertThat(counter(eventId, "unreadable")).isEqualTo(1);
    // Held as the version before held counters carried each key once: its per-category keys count as they are.
    assertThat(counter(eventId, "c:B|ballots")).isEqualTo(1);
  }

  /** The mix of the version before held counters carried each key once (a rolling upgrade's older instance). */
  private static final String MIX_BEFORE_KEYS_ONCE = """
      WITH taken AS (
        DELETE FROM held_ballots WHERE event_id = ?
        RETURNING category_code, channel, unreadable, answers, receipt_sha256, counters),
      stored AS (
        INSERT INTO ballots (event_id, category_code, channel, unreadable, answers, receipt_sha256)
        SELECT ?, category_code, channel, unreadable, answers, receipt_sha256 FROM taken)
      SELECT c.key, sum(c.value::bigint)::bigint AS n
      FROM taken d, jsonb_each_text(d.counters) AS c GROUP BY c.key""";

  @Test
  void aMixerOfTheOlderVersionFailsOnBallotsHeldByThisOneAndLeavesThemForACurrentMixer() throws Exception {
    Voting voting = Voting.open(organizer, "滚动升级");
    UUID eventId = UUID.fromString(voting.eventId);
    List<String> tokens = voting.slips(organizer, "A", 3);
    tokens.forEach(token -> cast(voting, token));
    assertThat(db.strings("SELECT counters::text FROM held_ballots WHERE event_id = ?", eventId))
        .hasSize(3).allSatisfy(held -> assertThat(held).contains("\"ballots\": 1").doesNotContain("c:A|"));

    try (Connection older = db.connect(); PreparedStatement mix = older.prepareStatement(MIX_BEFORE_KEYS_ONCE)) {
      mix.setObject(1, eventId);
      mix.setObject(2, eventId);
      assertThatThrownBy(mix::executeQuery).isInstanceOf(SQLException.class).hasMessageContaining("invalid input syntax for type bigint");
    }
    assertThat(db.count("SELECT count(*) FROM held_ballots WHERE event_id = ?", eventId)).isEqualTo(3);
    assertThat(db.count("SELECT count(*) FROM ballots WHERE event_id = ?", eventId)).isZero();

    assertThat(organizer.post("/api/events/" + voting.eventId + "/close", null).statusCode()).isEqualTo(200);
    assertThat(db.count("SELECT count(*) FROM ballots WHERE event_id = ?", eventId)).isEqualTo(3);
    assertThat(counter(eventId, "ballots")).isEqualTo(3);
    assertThat(counter(eventId, "c:A|ballots")).isEqualTo(3);
    assertThat(counter(eventId, "c:A|ballots:phone")).isEqualTo(3);
    assertThat(counter(eventId, TallyCounters.PER_CATEGORY_IN_MIX)).isZero();
    assertThat(counter(eventId, "c:A|" + TallyCounters.PER_CATEGORY_IN_MIX)).isZero();
  }

  @Test
  void twoInstancesOnOneDatabaseMixEveryBallotExactlyOnce() throws Exception {
    Voting voting = Voting.open(organizer, "两台服务器混合");
    UUID eventId = UUID.fromString(voting.eventId);
    List<String> tokens = voting.slips(organizer, "B", 400);
    Vertx vertx = Vertx.vertx();
    try (TestServer second = TestServer.startOn(vertx, server.database(), UnaryOperator.identity())) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      List<CompletableFuture<HttpResponse<String>>> casts = new ArrayList<>();
      for (int i = 0; i < tokens.size(); i++) {
        String base = i % 2 == 0 ? server.baseUrl() : second.baseUrl();
        casts.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v/" + tokens.get(i)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Voting.ballot(Voting.newNonce(), voting.validAnswers()).encode()))
            .build(), HttpResponse.BodyHandlers.ofString()));
        if (i % 50 == 49) Thread.sleep(300);   // in waves, so that both instances' mixers get turns meanwhile
      }
      casts.forEach(c -> assertThat(c.join().statusCode()).isEqualTo(201));
      Thread.sleep(2 * Mixer.INTERVAL_MS);
      assertThat(db.count("SELECT count(*) FROM ballots WHERE event_id = ?", eventId)).isGreaterThan(0);
    } finally {
      vertx.close().await();
    }
    assertThat(organizer.post("/api/events/" + voting.eventId + "/close", null).statusCode()).isEqualTo(200);

    assertThat(db.count("SELECT count(*) FROM held_ballots WHERE event_id = ?", eventId)).isZero();
    assertThat(db.count("SELECT count(*) FROM ballots WHERE event_id = ?", eventId)).isEqualTo(400);
    assertThat(counter(eventId, "ballots")).isEqualTo(400);
    assertThat(counter(eventId, "returned")).isEqualTo(400);
  }

  private static void cast(Voting voting, String token) {
    assertThat(server.api().post("/api/v/" + token, Voting.ballot(Voting.newNonce(), voting.validAnswers())).statusCode())
        .isEqualTo(201);
  }

  private static void paper(Voting voting, String serial) {
    JsonObject entry = new JsonObject().put("serial", serial).put("unreadable", true);
    assertThat(clerk1.post("/api/events/" + voting.eventId + "/paper-ballots", entry).statusCode()).isEqualTo(202);
    assertThat(clerk2.post("/api/events/" + voting.eventId + "/paper-ballots", entry).statusCode()).isEqualTo(201);
  }

  private static long counter(UUID eventId, String key) {
    return db.count("SELECT coalesce(sum(n), 0) FROM tally_counters WHERE event_id = ? AND key = ?", eventId, key);
  }

  private static void awaitCount(String sql, UUID eventId, long wanted) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (db.count(sql, eventId) != wanted) {
      if (System.nanoTime() > deadline) throw new AssertionError(sql + " stayed at " + db.count(sql, eventId));
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }
}
