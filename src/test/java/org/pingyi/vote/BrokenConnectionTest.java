package org.pingyi.vote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.crypto.StoredSecrets;
import org.pingyi.support.Api;
import org.pingyi.support.Db;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Slow;
import org.pingyi.support.Voting;

/** Phones on bad Wi-Fi: a ballot cut off mid-body, sent at a crawl, or sent and then abandoned is never half-written. */
@Slow
class BrokenConnectionTest {
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
    long before = ballots();

    try (Socket socket = connect(); OutputStream out = socket.getOutputStream()) {
      out.write(headers(token, body.length));
      out.write(body, 0, body.length / 2);
      out.flush();
    }
    Thread.sleep(500);

    assertThat(slipState(token)).isEqualTo("unused");
    assertThat(ballots()).isEqualTo(before);
  }

  @Test
  void aBodySentAtACrawlIsStillCastWhole() throws Exception {
    String token = voting.slips(organizer, "A", 1).get(0);
    byte[] body = Voting.ballot(Voting.newNonce(), voting.validAnswers()).encode().getBytes(StandardCharsets.UTF_8);
    long before = ballots();

    String response;
    try (Socket socket = connect(); OutputStream out = socket.getOutputStream()) {
      out.write(headers(token, body.length));
      for (int from = 0; from < body.length; from += 64) {
        out.write(body, from, Math.min(64, body.length - from));
        out.flush();
        Thread.sleep(20);
      }
      response = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
    }

    assertThat(response).isEqualTo("HTTP/1.1 201");
    assertThat(ballots()).isEqualTo(before + 1);
  }

  @Test
  void aBallotSentAndAbandonedIsEitherWhollyStoredOrNotAtAll() throws Exception {
    List<String> tokens = voting.slips(organizer, "B", 20);
    for (String token : tokens) {
      byte[] body = Voting.ballot(Voting.newNonce(), voting.validAnswers()).encode().getBytes(StandardCharsets.UTF_8);
      try (Socket socket = connect(); OutputStream out = socket.getOutputStream()) {
        out.write(headers(token, body.length));
        out.write(body);
        out.flush();
      }
    }
    Thread.sleep(1000);

    UUID eventId = UUID.fromString(voting.eventId);
    long used = db.count("SELECT count(*) FROM slips WHERE event_id = ? AND state = 'used'", eventId);
    assertThat(used).isEqualTo(ballots());
    assertThat(used).isPositive();
  }

  private static Socket connect() throws Exception {
    URI base = URI.create(server.baseUrl());
    return new Socket(base.getHost(), base.getPort());
  }

  private static byte[] headers(String token, int length) {
    return ("POST /api/v/" + token + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  private static long ballots() {
    return db.count("SELECT count(*) FROM cast_ballots WHERE event_id = ?", UUID.fromString(voting.eventId));
  }

  private static String slipState(String token) {
    return db.strings("SELECT state FROM slips WHERE token_sha256 = ?", StoredSecrets.hash(token)).get(0);
  }
}
