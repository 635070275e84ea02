package org.pingyi.vote;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.Db;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Slow;
import org.pingyi.support.Voting;

/** Phones on bad Wi-Fi: a ballot cut off mid-body, sent at a crawl, or sent and then abandoned is never half-written. */
@Slow
class BrokenConnectionTest {
  /** How long abandoned ballots get to be stored (or not); a few hundred milliseconds do, on a busy machine too. */
  private static final Duration SETTLING = Duration.ofSeconds(10);

  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  private static Voting voting;
  private static Api organizer;
  private static Db db;

  @BeforeAll
  static void openAnEvent() {
    organizer = server.api().asAdmin();
    voting = Voting.open(organizer, "弱网测试");
    db = new Db(server.database());
  }

  @Test
  void aBodyCutOffHalfwayStoresNothing() throws Exception {
    String token = voting.slips(organizer, "A", 1).get(0);
    byte[] body = Voting.ballot(Voting.newNonce(), voting.validAnswers()).encode().getBytes(StandardCharsets.UTF_8);
    long before = db.castBallots(voting.eventId);

    try (Socket socket = connect(); OutputStream out = socket.getOutputStream()) {
      out.write(Voting.castHead(token, body.length));
      out.write(body, 0, body.length / 2);
      out.flush();
    }
    // Nothing stored is how things start, so no wait can show it; the phone sending the same ballot again does:
    // had the cut-off one been stored, this one would be answered as a replay (200) or refused, and once this
    // one is stored the cut-off one never can be, its slip being used.
    var again = server.api().send(HttpMethod.POST, "/api/v/" + token, Buffer.buffer(body));

    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.bodyAsJsonObject().getBoolean("replay")).isFalse();
    assertThat(db.slipState(token)).isEqualTo("used");
    assertThat(db.castBallots(voting.eventId)).isEqualTo(before + 1);
  }

  @Test
  void aBodySentAtACrawlIsStillCastWhole() throws Exception {
    String token = voting.slips(organizer, "A", 1).get(0);
    byte[] body = Voting.ballot(Voting.newNonce(), voting.validAnswers()).encode().getBytes(StandardCharsets.UTF_8);
    long before = db.castBallots(voting.eventId);

    String response;
    try (Socket socket = connect(); OutputStream out = socket.getOutputStream()) {
      out.write(Voting.castHead(token, body.length));
      for (int from = 0; from < body.length; from += 64) {
        out.write(body, from, Math.min(64, body.length - from));
        out.flush();
        Thread.sleep(20);
      }
      response = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
    }

    assertThat(response).isEqualTo("HTTP/1.1 201");
    assertThat(db.castBallots(voting.eventId)).isEqualTo(before + 1);
  }

  @Test
  void aBallotSentAndAbandonedIsEitherWhollyStoredOrNotAtAll() throws Exception {
    List<String> tokens = voting.slips(organizer, "B", 20);
    for (String token : tokens) {
      byte[] body = Voting.ballot(Voting.newNonce(), voting.validAnswers()).encode().getBytes(StandardCharsets.UTF_8);
      try (Socket socket = connect(); OutputStream out = socket.getOutputStream()) {
        out.write(Voting.castHead(token, body.length));
        out.write(body);
        out.flush();
      }
    }
    // Each ballot reached the server whole, and a cast goes on without its connection, so all of them are
    // normally stored within a few hundred milliseconds, and then nothing more can change. Dropping some would
    // be no fault (nothing is half-written): the deadline ends the wait then, and the same checks apply.
    long deadline = System.nanoTime() + SETTLING.toNanos();
    long[] counts = usedSlipsBallotsAndUsedOfB();
    while (counts[2] < tokens.size() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      counts = usedSlipsBallotsAndUsedOfB();
    }

    assertThat(counts[0]).as("used slips = ballots stored").isEqualTo(counts[1]);
    assertThat(counts[2]).as("this test's ballots stored").isPositive();
  }

  private static Socket connect() throws Exception {
    URI base = URI.create(server.baseUrl());
    return new Socket(base.getHost(), base.getPort());
  }

  /**
   * The event's used slips, its ballots, and its used slips of category B (this test's), read at one moment: a
   * cast that commits between two separate reads would look like a slip used without its ballot.
   */
  private static long[] usedSlipsBallotsAndUsedOfB() {
    return db.snapshot(List.of(
            "SELECT count(*) FROM slips WHERE event_id = ? AND state = 'used'",
            "SELECT count(*) FROM cast_ballots WHERE event_id = ?",
            "SELECT count(*) FROM slips WHERE event_id = ? AND category_code = 'B' AND state = 'used'"),
        UUID.fromString(voting.eventId)).stream().mapToLong(values -> Long.parseLong(values.get(0))).toArray();
  }
}
