package org.pingyi.tally;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
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

  private static long returned(JsonObject snapshot) {
    return snapshot.getJsonObject("turnout").getLong("returned");
  }
}
