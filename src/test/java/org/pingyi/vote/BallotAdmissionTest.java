package org.pingyi.vote;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.OutputStream;
import java.net.Socket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.crypto.StoredSecrets;
import org.pingyi.http.ConnectionLimits;
import org.pingyi.support.Api;
import org.pingyi.support.Db;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Voting;

/**
 * Ballots past the bound wait unread in their connections and are all taken in as others are answered; a phone
 * that gives up while waiting holds no place. The server here takes one ballot in at a time.
 */
class BallotAdmissionTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension(c -> c.withConnectionLimits(
      new ConnectionLimits(ConnectionLimits.DEFAULT_PER_ADDRESS, Duration.ofSeconds(10), 1)));
  private static Voting voting;
  private static Api organizer;
  private static Db db;

  @BeforeAll
  static void openAnEvent() {
    organizer = server.api().asAdmin().newStaff("organizer", "organizer", "organizer-pass");
    voting = Voting.open(organizer, "一次只收一张");
    db = new Db(server.database());
  }

  @Test
  void sixtyBallotsAtOnceAreAllTakenInOneAfterAnother() {
    List<String> tokens = voting.slips(organizer, "A", 60);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
    for (String token : tokens) {
      pending.add(client.sendAsync(ballot(token, ballotBody()), HttpResponse.BodyHandlers.ofString()));
    }

    List<HttpResponse<String>> answers = pending.stream().map(CompletableFuture::join).toList();

    assertThat(answers).allSatisfy(answer -> {
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
      assertThat(new JsonObject(answer.body()).getBoolean("replay")).isFalse();
    });
    assertThat(tokens).allSatisfy(token -> assertThat(db.slipState(token)).isEqualTo("used"));
  }

  @Test
  void aPhoneThatGivesUpWhileWaitingHoldsNoPlace() throws Exception {
    List<String> tokens = voting.slips(organizer, "B", 3);
    long before = db.castBallots(voting.eventId);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    CompletableFuture<HttpResponse<String>> holder;

    try (Connection lock = db.connect()) {
      // The holder's slip locked by the test: its ballot is taken in and then waits in its commit, so the one
      // place is surely taken (PostgreSQL shows the commit waiting) before the quitter's ballot arrives.
      lock.setAutoCommit(false);
      try (PreparedStatement row = lock.prepareStatement("SELECT 1 FROM slips WHERE token_sha256 = ? FOR UPDATE")) {
        row.setBytes(1, StoredSecrets.hash(tokens.get(0)));
        row.executeQuery().close();
      }
      holder = client.sendAsync(ballot(tokens.get(0), ballotBody()), HttpResponse.BodyHandlers.ofString());
      awaitACommitWaitingForTheLock();
      // The quitter's whole ballot waits behind it, unread, and then the phone gives up.
      try (Socket quitter = connect()) {
        byte[] body = ballotBody();
        OutputStream out = quitter.getOutputStream();
        out.write(Voting.castHead(tokens.get(1), body.length));
        out.write(body);
        out.flush();
      }
      lock.rollback();
    }
    HttpResponse<String> held = holder.join();
    HttpResponse<String> after = client.send(ballot(tokens.get(2), ballotBody()), HttpResponse.BodyHandlers.ofString());

    assertThat(held.statusCode()).as(held.body()).isEqualTo(201);
    assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
    assertThat(db.slipState(tokens.get(0))).isEqualTo("used");
    assertThat(db.slipState(tokens.get(1))).as("the ballot given up on was never read").isEqualTo("unused");
    assertThat(db.slipState(tokens.get(2))).isEqualTo("used");
    assertThat(db.castBallots(voting.eventId)).isEqualTo(before + 2);
  }

  private static void awaitACommitWaitingForTheLock() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (db.count("SELECT count(*) FROM pg_locks WHERE locktype = 'transactionid' AND NOT granted") == 0) {
      assertThat(System.nanoTime()).as("a commit waiting for the test's lock").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  private static byte[] ballotBody() {
    return Voting.ballot(Voting.newNonce(), voting.validAnswers()).encode().getBytes(StandardCharsets.UTF_8);
  }

  private static HttpRequest ballot(String token, byte[] body) {
    return HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v/" + token))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
  }

  private static Socket connect() throws Exception {
    URI base = URI.create(server.baseUrl());
    return new Socket(base.getHost(), base.getPort());
  }
}
