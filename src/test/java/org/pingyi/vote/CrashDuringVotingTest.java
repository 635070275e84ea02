package org.pingyi.vote;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.ballot.Receipt;
import org.pingyi.support.Api;
import org.pingyi.support.Db;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Slow;
import org.pingyi.support.TestServer;
import org.pingyi.support.Voting;

/**
 * kill -9 of a server while phones are voting, then a restart: every ballot answered 201 is stored, slips used
 * and ballots stored stay equal in number, and a phone that never got its answer retries safely.
 */
@Slow
class CrashDuringVotingTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();

  @Test
  void nothingAcknowledgedIsLostAndNothingIsDoubledAcrossAKill() throws Exception {
    Api organizer = server.api().asAdmin();
    Voting voting = Voting.open(organizer, "断电测试");
    List<String> tokens = voting.slips(organizer, "B", 3000);
    Db db = new Db(server.database());

    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    Map<String, String> unanswered = new ConcurrentHashMap<>();
    Map<String, JsonObject> sent = new ConcurrentHashMap<>();
    int port = freePort();
    Process child = startChild(port);
    try {
      waitUntilHealthy(port);
      AtomicInteger next = new AtomicInteger();
      ExecutorService phones = Executors.newFixedThreadPool(32);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      for (int p = 0; p < 32; p++) {
        phones.submit(() -> {
          int i;
          while ((i = next.getAndIncrement()) < tokens.size()) {
            String token = tokens.get(i);
            JsonObject ballot = Voting.ballot(Voting.newNonce(), voting.validAnswers());
            sent.put(token, ballot);
            try {
              HttpResponse<String> r = http.send(post(port, token, ballot), HttpResponse.BodyHandlers.ofString());
              if (r.statusCode() == 201) acknowledged.put(token, new JsonObject(r.body()).getString("receipt"));
              else unanswered.put(token, "status " + r.statusCode());
            } catch (IOException | InterruptedException e) {
              unanswered.put(token, "no answer");
            }
          }
        });
      }
      while (acknowledged.size() < 300) Thread.sleep(5);
      child.destroyForcibly().waitFor();
      phones.shutdown();
      assertThat(phones.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly().waitFor();
    }

    UUID eventId = UUID.fromString(voting.eventId);
    Set<String> stored = new HashSet<>(db.strings("SELECT encode(receipt_sha256, 'hex') FROM cast_ballots WHERE event_id = ?", eventId)
        .stream().map(hex -> new Receipt(java.util.HexFormat.of().parseHex(hex)).code()).toList());
    assertThat(stored).containsAll(acknowledged.values());
    assertThat(db.count("SELECT count(*) FROM slips WHERE event_id = ? AND state = 'used'", eventId))
        .isEqualTo(db.count("SELECT count(*) FROM cast_ballots WHERE event_id = ?", eventId));

    // After the restart, each phone left without an answer sends the same ballot again.
    Process restarted = startChild(port);
    try {
      waitUntilHealthy(port);
      HttpClient http = HttpClient.newHttpClient();
      List<String> retried = unanswered.keySet().stream().filter(sent::containsKey).limit(50).toList();
      assertThat(retried).isNotEmpty();
      for (String token : retried) {
        HttpResponse<String> r = http.send(post(port, token, sent.get(token)), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
      }
    } finally {
      restarted.destroyForcibly().waitFor();
    }
    long used = db.count("SELECT count(*) FROM slips WHERE event_id = ? AND state = 'used'", eventId);
    assertThat(used).isEqualTo(db.count("SELECT count(*) FROM cast_ballots WHERE event_id = ?", eventId));

    // Whatever the kill left in the ballot box is mixed like the rest: closing empties it into the results, every
    // ballot counted once.
    assertThat(organizer.post("/api/events/" + voting.eventId + "/close", null).statusCode()).isEqualTo(200);
    assertThat(db.count("SELECT count(*) FROM held_ballots WHERE event_id = ?", eventId)).isZero();
    assertThat(db.count("SELECT count(*) FROM ballots WHERE event_id = ?", eventId)).isEqualTo(used);
    assertThat(db.count("SELECT coalesce(sum(n), 0) FROM tally_counters WHERE event_id = ? AND key = 'ballots'", eventId))
        .isEqualTo(used);
    assertThat(db.count("SELECT coalesce(sum(n), 0) FROM tally_counters WHERE event_id = ? AND key = 'returned'", eventId))
        .isEqualTo(used);
  }

  private static HttpRequest post(int port, String token, JsonObject ballot) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v/" + token))
        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(ballot.encode())).build();
  }

  /** The real server, as `java -jar` runs it, in its own JVM over the test's database. */
  private static Process startChild(int port) throws IOException {
    var db = server.database();
    Path log = Files.createDirectories(Path.of("target", "crash-test")).resolve("server-" + port + ".log");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.pingyi.Main")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("DATABASE_URL",
        "postgresql://" + db.user() + (db.password() == null || db.password().isEmpty() ? "" : ":" + db.password())
            + "@" + db.host() + ":" + db.port() + "/" + db.database());
    builder.environment().put("PINGYI_HTTP_PORT", String.valueOf(port));
    builder.environment().put("PINGYI_PUBLIC_URL", TestServer.PUBLIC_URL);
    builder.environment().put("PINGYI_ADMIN_PASSWORD", TestServer.ADMIN_PASSWORD);
    return builder.start();
  }

  private static void waitUntilHealthy(int port) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) return;
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the child server did not start; see target/crash-test/");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
