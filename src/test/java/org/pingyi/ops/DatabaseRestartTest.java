package org.pingyi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pingyi.ballot.Receipt;
import org.pingyi.db.EmbeddedDatabase;
import org.pingyi.support.Api;
import org.pingyi.support.Db;
import org.pingyi.support.Slow;
import org.pingyi.support.TestServer;
import org.pingyi.support.Voting;

/**
 * PostgreSQL stopped and started again while phones vote (issue 6, faults): while it is away every ballot is
 * answered 503 with Retry-After, never 201 and never 500; the server recovers by itself; every acknowledged
 * ballot is stored, no slip is used without its ballot nor a ballot stored without a used slip, the tally
 * counters agree, and a phone answered 503 sends the same ballot again and gets 201 (or 200, stored after all).
 */
@Slow
class DatabaseRestartTest {
  private static final int PHONES = 24;
  private static final Duration AWAY = Duration.ofSeconds(5);

  @Test
  void votingThroughAPostgresRestartLosesNothingAndAnswers503WhileTheDatabaseIsAway() throws Exception {
    Path dir = Path.of("target", "pg-restart", UUID.randomUUID().toString());
    EmbeddedDatabase db = EmbeddedDatabase.start(dir);
    int port = db.settings().port();
    db.migrate();
    Vertx vertx = Vertx.vertx();
    try {
      TestServer server = TestServer.startOn(vertx, db.settings(), UnaryOperator.identity());
      Api admin = server.api().asAdmin();
      Voting voting = Voting.open(admin, "数据库重启测试");
      List<String> tokens = voting.slips(admin, "B", 3000);
      Phones phones = new Phones(server.baseUrl(), tokens, voting::validAnswers, PHONES);

      phones.waitFor(200, Duration.ofSeconds(120));
      db.close();
      long stopped = System.nanoTime();
      Thread.sleep(AWAY.toMillis());
      long restarting = System.nanoTime();
      int before = phones.acknowledged.size();
      db = EmbeddedDatabase.start(dir, port);
      long recoveredAfterMs = waitUntilHealthy(server.baseUrl(), restarting);
      phones.waitFor(before + 200, Duration.ofSeconds(120));
      phones.stop();

      assertThat(phones.violations).as("answers other than 201, and 503 then 201 or 200").isEmpty();
      assertThat(phones.refusals.get()).as("ballots answered 503").isPositive();
      long acknowledgedWhileAway = phones.acknowledgedAt.values().stream()
          .filter(at -> at > stopped + 1_000_000_000L && at < restarting).count();
      assertThat(acknowledgedWhileAway).as("201s while the database was stopped").isZero();
      Db check = new Db(db.settings());
      UUID eventId = UUID.fromString(voting.eventId);
      Set<String> stored = receipts(check, eventId);
      assertThat(stored).containsAll(phones.acknowledged.values());
      assertThat(perCategory(check, "SELECT category_code || '=' || count(*) FROM slips WHERE event_id = ? AND state = 'used' GROUP BY category_code", eventId))
          .isEqualTo(perCategory(check, "SELECT category_code || '=' || count(*) FROM cast_ballots WHERE event_id = ? GROUP BY category_code", eventId));
      JsonObject turnout = admin.get("/api/events/" + voting.eventId + "/tally").bodyAsJsonObject().getJsonObject("turnout");
      assertThat((long) turnout.getInteger("returned")).isEqualTo((long) stored.size());

      System.out.printf("DATABASE RESTART: %d phones; acknowledged %d (of which after a 503: %d cast on retry, %d "
              + "found stored after all); stored %d; 503 answers %d over %d ms (database away %d ms); healthy %d ms "
              + "after the restart began; orphans 0%n", PHONES, phones.acknowledged.size(), phones.castOnRetry.get(),
          phones.storedAfterAll.get(), stored.size(), phones.refusals.get(),
          (phones.last503.get() - phones.first503.get()) / 1_000_000, (restarting - stopped) / 1_000_000, recoveredAfterMs);
    } finally {
      vertx.close().await();
      db.close();
    }
  }

  private static long waitUntilHealthy(String baseUrl, long since) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      var r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/health")).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200) return (System.nanoTime() - since) / 1_000_000;
      Thread.sleep(100);
    }
    throw new AssertionError("the server did not recover within 60 s of the database restart");
  }

  private static Set<String> receipts(Db db, UUID eventId) {
    return new HashSet<>(db.strings("SELECT encode(receipt_sha256, 'hex') FROM cast_ballots WHERE event_id = ?", eventId)
        .stream().map(hex -> new Receipt(java.util.HexFormat.of().parseHex(hex)).code()).toList());
  }

  private static Set<String> perCategory(Db db, String sql, UUID eventId) {
    return db.strings(sql, eventId).stream().collect(Collectors.toSet());
  }
}
