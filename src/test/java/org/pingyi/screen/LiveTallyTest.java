package org.pingyi.screen;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.SseStream;
import org.pingyi.support.TestServer;
import org.pingyi.support.Voting;

/** The tally stream: a committed ballot reaches every open screen within a second, whichever instance took it. */
class LiveTallyTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  private static final HttpClient PROJECTOR = HttpClient.newHttpClient();
  private static Api organizer;

  @BeforeAll
  static void signIn() {
    organizer = server.api().asAdmin().newStaff("organizer", "organizer", "organizer-pass");
  }

  @Test
  void aBallotCastThroughHttpArrivesOnTheStreamWithinOneSecond() throws Exception {
    Voting voting = Voting.open(organizer, "实时计票");
    List<String> tokens = voting.slips(organizer, "A", 3);
    try (SseStream stream = SseStream.open(server.baseUrl() + "/api/events/" + voting.eventId + "/tally/stream",
        "Bearer " + organizer.token())) {
      assertThat(stream.status()).isEqualTo(200);
      stream.await(s -> returned(s) == 0, Duration.ofSeconds(5));

      for (int i = 0; i < tokens.size(); i++) {
        var cast = server.api().post("/api/v/" + tokens.get(i), Voting.ballot(Voting.newNonce(), voting.validAnswers()));
        assertThat(cast.statusCode()).isEqualTo(201);
        int expected = i + 1;
        JsonObject snapshot = stream.await(s -> returned(s) == expected, Duration.ofSeconds(1));
        assertThat(snapshot.getJsonObject("turnout").getLong("issued")).isEqualTo(3);
      }
    }
  }

  @Test
  void aBallotCastOnOneInstanceReachesAScreenWatchingAnother() throws Exception {
    Voting voting = Voting.open(organizer, "两台服务器");
    String token = voting.slips(organizer, "B", 1).get(0);
    Vertx vertx = Vertx.vertx();
    try (TestServer second = TestServer.startOn(vertx, server.database(), UnaryOperator.identity());
         SseStream stream = SseStream.open(second.baseUrl() + "/api/events/" + voting.eventId + "/tally/stream",
             "Bearer " + organizer.token())) {
      stream.await(s -> returned(s) == 0, Duration.ofSeconds(5));

      assertThat(server.api().post("/api/v/" + token, Voting.ballot(Voting.newNonce(), voting.validAnswers())).statusCode())
          .isEqualTo(201);

      stream.await(s -> returned(s) == 1, Duration.ofSeconds(1));
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void aScreenLinkOpensTheStreamWithoutAnAccountAndStopsWhenRevoked() throws Exception {
    Voting voting = Voting.open(organizer, "大屏链接");
    JsonObject link = organizer.post("/api/events/" + voting.eventId + "/screen-links",
        new JsonObject().put("label", "主会场大屏")).bodyAsJsonObject();
    String url = server.baseUrl() + "/api/events/" + voting.eventId + "/tally/stream";

    try (SseStream stream = SseStream.open(url, "Screen " + link.getString("key"))) {
      assertThat(stream.status()).isEqualTo(200);
      stream.await(s -> s.getJsonObject("event").getString("title").equals("大屏链接"), Duration.ofSeconds(5));
    }
    organizer.delete("/api/events/" + voting.eventId + "/screen-links/" + link.getString("id"));
    try (SseStream refused = SseStream.open(url, "Screen " + link.getString("key"))) {
      assertThat(refused.status()).isEqualTo(401);
    }
    assertThat(link.getString("path")).isEqualTo("/screen/" + voting.eventId + "#key=" + link.getString("key"));
  }

  @Test
  void aScreenKeyForOneEventDoesNotOpenAnother() {
    Voting first = Voting.open(organizer, "甲活动");
    Voting other = Voting.open(organizer, "乙活动");
    String key = organizer.post("/api/events/" + first.eventId + "/screen-links", new JsonObject())
        .bodyAsJsonObject().getString("key");

    var refused = server.api().send(io.vertx.core.http.HttpMethod.GET, "/api/events/" + other.eventId + "/tally", null);
    try (SseStream stream = SseStream.open(server.baseUrl() + "/api/events/" + other.eventId + "/tally", "Screen " + key)) {
      assertThat(stream.status()).isEqualTo(401);
    }
    assertThat(refused.statusCode()).isEqualTo(401);
  }

  @Test
  void aRevokedForeignOrMadeUpScreenKeyIsRefusedAsAnInvalidScreenKey() throws Exception {
    Voting first = Voting.open(organizer, "大屏钥匙");
    Voting other = Voting.open(organizer, "另一场");
    String events = "/api/events/";
    JsonObject revoked = organizer.post(events + first.eventId + "/screen-links", new JsonObject().put("label", "旧大屏"))
        .bodyAsJsonObject();
    organizer.delete(events + first.eventId + "/screen-links/" + revoked.getString("id"));
    String live = organizer.post(events + first.eventId + "/screen-links", new JsonObject().put("label", "新大屏"))
        .bodyAsJsonObject().getString("key");
    assertThat(tallyWithKey(first.eventId, live).statusCode()).as("the live key opens its own event").isEqualTo(200);

    for (HttpResponse<String> refused : List.of(tallyWithKey(first.eventId, revoked.getString("key")),
        tallyWithKey(other.eventId, live), tallyWithKey(first.eventId, "made-up-key"))) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
      JsonObject body = new JsonObject(refused.body());
      assertThat(body.getString("error")).isEqualTo("invalid_screen_key");
      assertThat(body.getString("message")).isEqualTo("大屏链接无效或已被收回");
    }
  }

  @Test
  void turnoutOnlyKeepsEveryPerOptionCountOffTheWireUntilTheEventCloses() throws Exception {
    Voting voting = Voting.open(organizer, "只显示投票人数");
    List<String> tokens = voting.slips(organizer, "B", 2);
    String path = "/api/events/" + voting.eventId;
    assertThat(organizer.put(path + "/screen", new JsonObject().put("turnoutOnly", true)).statusCode()).isEqualTo(200);
    server.api().post("/api/v/" + tokens.get(0), Voting.ballot(Voting.newNonce(), voting.validAnswers()));

    try (SseStream stream = SseStream.open(server.baseUrl() + path + "/tally/stream", "Bearer " + organizer.token())) {
      stream.await(s -> returned(s) == 1, Duration.ofSeconds(5));
      server.api().post("/api/v/" + tokens.get(1), Voting.ballot(Voting.newNonce(), voting.validAnswers()));
      stream.await(s -> returned(s) == 2, Duration.ofSeconds(1));
      String json = organizer.get(path + "/tally").bodyAsString();

      for (String raw : List.of(stream.raw(), json)) {
        assertThat(raw).contains("\"turnoutOnly\":true").doesNotContain("\"forms\"", "\"count\"", "agree", "认同",
            "赵一", "favourableRate");
      }

      organizer.post(path + "/close", null);
      JsonObject closed = stream.await(s -> s.containsKey("forms"), Duration.ofSeconds(2));
      assertThat(closed.getBoolean("turnoutOnly")).isFalse();
      assertThat(closed.encode()).contains("\"count\":2");
    }
  }

  @Test
  void theJsonTallyCountsEachBallotWithTheOfficialDenominators() {
    Voting voting = Voting.open(organizer, "计票结果");
    for (String token : voting.slips(organizer, "B", 3)) {
      server.api().post("/api/v/" + token, Voting.ballot(Voting.newNonce(), voting.validAnswers()));
    }
    // Three ballots are fewer than a batch of the ballot box: they reach the results when voting closes.
    assertThat(organizer.post("/api/events/" + voting.eventId + "/close", null).statusCode()).isEqualTo(200);

    JsonObject tally = organizer.get("/api/events/" + voting.eventId + "/tally").bodyAsJsonObject();

    assertThat(tally.getJsonObject("turnout").getLong("valid")).isEqualTo(3);
    JsonObject cadres = tally.getJsonArray("forms").stream().map(f -> (JsonObject) f)
        .filter(f -> f.getString("id").equals(voting.newCadresForm)).findFirst().orElseThrow();
    JsonObject liSi = cadres.getJsonArray("sections").getJsonObject(0).getJsonArray("questions").getJsonObject(0)
        .getJsonArray("rows").getJsonObject(1);
    assertThat(liSi.getString("label")).isEqualTo("李四");
    assertThat(liSi.getLong("unfavourableCount")).isEqualTo(3);
    assertThat(liSi.getBoolean("flagged")).isTrue();
    assertThat(cadres.getJsonArray("categories").getJsonObject(1).getBoolean("shown")).isFalse();
  }

  /** The JSON tally as a projector's page asks for it, with the key from its link. */
  private static HttpResponse<String> tallyWithKey(String eventId, String key) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/events/" + eventId + "/tally"))
        .header("Authorization", "Screen " + key).GET().build();
    return PROJECTOR.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static long returned(JsonObject snapshot) {
    return snapshot.getJsonObject("turnout").getLong("returned");
  }
}
