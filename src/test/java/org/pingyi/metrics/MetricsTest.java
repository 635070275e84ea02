package org.pingyi.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.SseStream;
import org.pingyi.support.TestDatabase;
import org.pingyi.support.TestServer;
import org.pingyi.support.Voting;

/**
 * /metrics after a little of a meeting: staff sign in, phones open their ballots and vote (twelve, so that a batch
 * is mixed while voting is open), one votes twice, one slip is unknown, a screen watches. The scrape has the
 * series an operator needs, labelled by route pattern; and none of the slip tokens, receipts, nonces, screen or
 * board keys, event ids or client addresses the requests carried appears anywhere in it.
 */
class MetricsTest {
  private static final Pattern ROUTE = Pattern.compile("route=\"([^\"]*)\"");
  private static Vertx vertx;
  private static TestServer server;
  private static MetricsServer metricsServer;
  /** Everything that must never reach the scrape: added to as the requests make them. */
  private static final List<String> secrets = new ArrayList<>(List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1"));
  private static String scrape;

  @BeforeAll
  static void aLittleOfAMeeting() throws Exception {
    Metrics metrics = Metrics.create();
    vertx = metrics.vertx();
    server = TestServer.startOn(vertx, TestDatabase.fresh(), c -> c, metrics.measurements());
    metricsServer = new MetricsServer(new MetricsEndpoint("127.0.0.1", 0), metrics.registry());
    vertx.deployVerticle(metricsServer).await();

    Api organizer = server.api().asAdmin().newStaff("organizer", "organizer", "organizer-pass");
    Voting voting = Voting.open(organizer, "2026年度一报告两评议");
    secrets.add(voting.eventId);
    String key = organizer.post("/api/events/" + voting.eventId + "/screen-links", new JsonObject().put("label", "大屏"))
        .bodyAsJsonObject().getString("key");
    secrets.add(key);
    try (SseStream screen = SseStream.open(server.baseUrl() + "/api/events/" + voting.eventId + "/tally/stream",
        "Screen " + key)) {
      assertThat(screen.status()).isEqualTo(200);
      vote(voting, organizer);
      // The mixer runs every half second: give it time to move the batch.
      screen.await(tally -> true, Duration.ofSeconds(10));
      Thread.sleep(1500);
      scrape = scrape();
    }
  }

  private static void vote(Voting voting, Api organizer) {
    List<String> tokens = voting.slips(organizer, "B", 12);
    secrets.addAll(tokens);
    Api phone = server.api();
    for (String token : tokens) {
      assertThat(phone.get("/v/" + token).statusCode()).isEqualTo(200);
      assertThat(phone.get("/api/v/" + token).statusCode()).isEqualTo(200);
      String nonce = Voting.newNonce();
      var cast = phone.post("/api/v/" + token, Voting.ballot(nonce, voting.validAnswers()));
      assertThat(cast.statusCode()).isEqualTo(201);
      secrets.add(cast.bodyAsJsonObject().getString("receipt"));
      secrets.add(nonce);
    }
    var again = phone.post("/api/v/" + tokens.get(0), Voting.ballot(Voting.newNonce(), voting.validAnswers()));
    assertThat(again.statusCode()).isEqualTo(409);
    String unknown = "Zq3Zq3Zq3Zq3Zq3Zq3Zq3Zq3Zq3";
    secrets.add(unknown);
    assertThat(phone.post("/api/v/" + unknown, Voting.ballot(Voting.newNonce(), voting.validAnswers())).statusCode())
        .isEqualTo(404);
    String board = "BoArDkEyBoArDkEyBoArDkEy123";
    secrets.add(board);
    assertThat(phone.get("/r/" + board + "/receipts.json").statusCode()).isEqualTo(404);
    assertThat(phone.get("/api/no-such-thing/" + unknown).statusCode()).isEqualTo(404);
    assertThat(phone.get("/console/").statusCode()).isEqualTo(200);
  }

  private static String scrape() {
    WebClient client = WebClient.create(vertx);
    var response = client.getAbs("http://127.0.0.1:" + metricsServer.actualPort() + "/metrics").send().await();
    assertThat(response.statusCode()).isEqualTo(200);
    return response.bodyAsString();
  }

  @AfterAll
  static void stop() {
    if (server != null) server.close();
    vertx.close().await();
  }

  @Test
  void httpRequestsAreCountedAndTimedByRoutePatternMethodAndStatus() {
    assertThat(scrape).contains("vertx_http_server_requests_total{code=\"201\",method=\"POST\",route=\"/api/v/:token\"} 12");
    assertThat(scrape).contains("vertx_http_server_requests_total{code=\"200\",method=\"GET\",route=\"/v/:token\"} 12");
    assertThat(scrape).contains("vertx_http_server_requests_total{code=\"404\",method=\"GET\",route=\"unmatched\"}");
    assertThat(scrape).contains("vertx_http_server_requests_total{code=\"200\",method=\"GET\",route=\"static\"}");
    assertThat(scrape).contains(
        "vertx_http_server_requests_total{code=\"404\",method=\"GET\",route=\"/r/:board/receipts.json\"}");
    assertThat(scrape).contains(
        "vertx_http_server_response_time_seconds_bucket{code=\"201\",method=\"POST\",route=\"/api/v/:token\",le=\"0.25\"}");
  }

  @Test
  void everyRouteLabelIsAMountedPatternOrAFixedWord() {
    Set<String> allowed = new HashSet<>(Set.of(HttpLabels.UNMATCHED, HttpLabels.STATIC, "/metrics"));
    server.server().operations()
        .forEach(op -> allowed.add(op.substring(op.indexOf(' ') + 1).replaceAll("\\{(\\w+)}", ":$1")));
    Matcher routes = ROUTE.matcher(scrape);
    Set<String> seen = new HashSet<>();
    while (routes.find()) seen.add(routes.group(1));
    assertThat(seen).contains("/api/v/:token", "/v/:token", HttpLabels.UNMATCHED).isSubsetOf(allowed);
  }

  @Test
  void ballotsAreCountedByOutcomeAndRefusalsByTheirCode() {
    assertThat(scrape).contains("pingyi_ballots_accepted_total{replay=\"false\"} 12");
    assertThat(scrape).contains("pingyi_ballots_refused_total{reason=\"slip_used\"} 1");
    assertThat(scrape).contains("pingyi_ballots_refused_total{reason=\"slip_unknown\"} 1");
  }

  @Test
  void groupCommitsMixedBatchesScreensPoolWaitsAndTheJvmAreReported() {
    assertThat(scrape).containsPattern("pingyi_ballot_group_size_ballots_count \\d+");
    assertThat(scrape).containsPattern("pingyi_mix_batch_size_ballots_count [1-9]");
    assertThat(scrape).contains("pingyi_screens_connected 1");
    assertThat(scrape).containsPattern(
        "vertx_pool_queue_time_seconds_count\\{pool_name=\"pingyi\",pool_type=\"sql\"} [1-9]");
    assertThat(scrape).contains("vertx_pool_queue_pending{pool_name=\"pingyi\",pool_type=\"sql\"}");
    assertThat(scrape).contains("jvm_memory_used_bytes{area=\"heap\"");
    assertThat(scrape).contains("jvm_gc_");
  }

  @Test
  void noTokenReceiptKeyEventOrAddressAppearsAnywhereInTheScrape() {
    assertThat(secrets).hasSizeGreaterThan(25);
    for (String secret : secrets) assertThat(scrape).as("the scrape must not carry %s", secret).doesNotContain(secret);
  }
}
