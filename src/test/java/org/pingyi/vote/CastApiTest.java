package org.pingyi.vote;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.Db;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Voting;

/** Casting through HTTP against a real PostgreSQL: one slip, one ballot, one receipt, whatever the client does. */
class CastApiTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  private static Api organizer;
  private static Voting voting;
  private static Db db;

  @BeforeAll
  static void openAnEvent() {
    organizer = server.api().asAdmin().newStaff("organizer", "organizer", "organizer-pass");
    voting = Voting.open(organizer, "2026年度一报告两评议");
    db = new Db(server.database());
  }

  @Test
  void theBallotPaperShowsTheEventTheCategoryAndTheFrozenForms() {
    String token = voting.slips(organizer, "B", 1).get(0);

    var paper = server.api().get("/api/v/" + token);

    assertThat(paper.statusCode()).as(paper.bodyAsString()).isEqualTo(200);
    JsonObject body = paper.bodyAsJsonObject();
    assertThat(body.getJsonObject("event").getString("title")).isEqualTo("2026年度一报告两评议");
    assertThat(body.getJsonObject("category").getString("name")).isEqualTo("干部职工代表");
    assertThat(body.getJsonArray("forms").stream().map(f -> ((JsonObject) f).getString("id")))
        .containsExactly(voting.newCadresForm, voting.cadreWorkForm, voting.recommendationForm);
    assertThat(paper.getHeader("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void aValidBallotIsStoredNormalisedWithItsCategoryAndAReceipt() {
    String token = voting.slips(organizer, "A", 1).get(0);

    var cast = server.api().post("/api/v/" + token, Voting.ballot(Voting.newNonce(), voting.validAnswers()));

    assertThat(cast.statusCode()).as(cast.bodyAsString()).isEqualTo(201);
    assertThat(cast.bodyAsJsonObject().getString("receipt")).matches("[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}");
    String stored = db.strings("SELECT answers::text FROM cast_ballots WHERE event_id = ? AND category_code = 'A' AND channel = 'phone'",
        UUID.fromString(voting.eventId)).get(0);
    JsonObject answers = new JsonObject(stored);
    assertThat(answers.getJsonObject(voting.cadreWorkForm).getString("q5")).isEqualTo("加强监督。");
    assertThat(answers.getJsonObject(voting.cadreWorkForm).getJsonArray("q4").getList()).containsExactly("p1", "p3");
    assertThat(db.slipState(token)).isEqualTo("used");
  }

  @Test
  void fiftySimultaneousSubmissionsOfOneSlipStoreExactlyOneBallot() {
    String token = voting.slips(organizer, "B", 1).get(0);
    long before = db.castBallots(voting.eventId);

    List<HttpResponse<String>> responses = concurrently(50, i -> Voting.ballot(Voting.newNonce(), voting.validAnswers()), token);

    assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
    assertThat(responses).filteredOn(r -> r.statusCode() != 201)
        .allSatisfy(r -> {
          assertThat(r.statusCode()).isEqualTo(409);
          assertThat(new JsonObject(r.body()).getString("error")).isEqualTo("slip_used");
        });
    assertThat(db.castBallots(voting.eventId)).isEqualTo(before + 1);
  }

  @Test
  void theSameBallotSentFiftyTimesAtOnceIsStoredOnceAndEveryAnswerCarriesItsReceipt() {
    String token = voting.slips(organizer, "B", 1).get(0);
    long before = db.castBallots(voting.eventId);
    JsonObject ballot = Voting.ballot(Voting.newNonce(), voting.validAnswers());

    List<HttpResponse<String>> responses = concurrently(50, i -> ballot, token);

    assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
    assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isIn(200, 201));
    assertThat(responses.stream().map(r -> new JsonObject(r.body()).getString("receipt")).distinct()).hasSize(1);
    assertThat(db.castBallots(voting.eventId)).isEqualTo(before + 1);
  }

  @Test
  void manySlipsEachSubmittedTwiceAtOnceStoreOneBallotEachAndVoidSlipsNone() {
    Voting event = Voting.open(organizer, "并发投票");
    List<String> tokens = event.slips(organizer, "B", 150);
    List<String> voided = event.slips(organizer, "A", 10);
    for (String serial : db.strings("SELECT serial FROM slips WHERE event_id = ? AND category_code = 'A'", UUID.fromString(event.eventId))) {
      organizer.post("/api/events/" + event.eventId + "/slips/" + serial + "/void", null);
    }
    List<String> targets = new ArrayList<>(tokens);
    targets.addAll(tokens);
    targets.addAll(voided);
    java.util.Collections.shuffle(targets);

    List<HttpResponse<String>> responses = concurrently(targets, t -> Voting.ballot(Voting.newNonce(), event.validAnswers()));

    assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(150);
    assertThat(responses).filteredOn(r -> r.statusCode() == 409).hasSize(150);
    assertThat(responses).filteredOn(r -> r.statusCode() == 410).hasSize(10);
    assertThat(db.castBallots(event.eventId)).isEqualTo(150);
    assertThat(db.count("SELECT count(*) FROM slips WHERE event_id = ? AND state = 'used'", UUID.fromString(event.eventId))).isEqualTo(150);
  }

  @Test
  void aRetryAfterALostResponseGetsTheSameReceiptAndStoresNothingMore() {
    String token = voting.slips(organizer, "A", 1).get(0);
    String nonce = Voting.newNonce();
    var first = server.api().post("/api/v/" + token, Voting.ballot(nonce, voting.validAnswers()));
    long after = db.castBallots(voting.eventId);

    var retry = server.api().post("/api/v/" + token, Voting.ballot(nonce, voting.validAnswers()));

    assertThat(retry.statusCode()).as(retry.bodyAsString()).isEqualTo(200);
    assertThat(retry.bodyAsJsonObject().getString("receipt")).isEqualTo(first.bodyAsJsonObject().getString("receipt"));
    assertThat(retry.bodyAsJsonObject().getBoolean("replay")).isTrue();
    assertThat(db.castBallots(voting.eventId)).isEqualTo(after);
  }

  @Test
  void aUsedSlipRefusesADifferentBallotOrAnotherPhone() {
    String token = voting.slips(organizer, "A", 1).get(0);
    String nonce = Voting.newNonce();
    server.api().post("/api/v/" + token, Voting.ballot(nonce, voting.validAnswers()));
    JsonObject changed = voting.validAnswers();
    changed.getJsonObject(voting.cadreWorkForm).put("q1", "poor");

    var otherAnswers = server.api().post("/api/v/" + token, Voting.ballot(nonce, changed));
    var otherPhone = server.api().post("/api/v/" + token, Voting.ballot(Voting.newNonce(), voting.validAnswers()));
    var page = server.api().get("/api/v/" + token);

    for (var refused : List.of(otherAnswers, otherPhone, page)) {
      assertThat(refused.statusCode()).isEqualTo(409);
      assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("slip_used");
      assertThat(refused.bodyAsJsonObject().getString("message")).isEqualTo("这张票签已经提交过选票");
      assertThat(refused.bodyAsJsonObject().getJsonObject("fields").getString("event")).isEqualTo("2026年度一报告两评议");
    }
  }

  @Test
  void aVoidOrUnknownSlipAndAClosedOrUnopenedEventEachSayWhy() {
    List<String> tokens = voting.slips(organizer, "A", 2);
    String serial = db.strings("SELECT serial FROM slips WHERE event_id = ? AND category_code = 'A' ORDER BY serial DESC LIMIT 1",
        UUID.fromString(voting.eventId)).get(0);
    organizer.post("/api/events/" + voting.eventId + "/slips/" + serial + "/void", null);
    Voting draft = Voting.prepare(organizer, "尚未开始的评议");
    String draftToken = draft.slips(organizer, "A", 1).get(0);
    Voting closed = Voting.open(organizer, "已结束的评议");
    String closedToken = closed.slips(organizer, "A", 1).get(0);
    organizer.post("/api/events/" + closed.eventId + "/close", null);

    assertRefused(tokens.get(1), 410, "slip_void", voting.validAnswers());
    assertRefused("AAAAAAAAAAAAAAAAAAAAAAAAAAA", 404, "slip_unknown", voting.validAnswers());
    assertRefused("not a token!", 404, "slip_unknown", voting.validAnswers());
    assertRefused(draftToken, 403, "event_not_open", draft.validAnswers());
    assertRefused(closedToken, 403, "event_closed", closed.validAnswers());
    assertThat(db.slipState(closedToken)).isEqualTo("unused");
  }

  @Test
  void aSlipRegisteredUnreturnedAfterTheCloseTellsItsHolderSoAndStoresNothing() {
    Voting closed = Voting.open(organizer, "未收回的评议");
    String token = closed.slips(organizer, "A", 1).get(0);
    organizer.post("/api/events/" + closed.eventId + "/close", null);
    var declared = organizer.post("/api/events/" + closed.eventId + "/slips/unreturned",
        new JsonObject().put("count", 1));
    assertThat(declared.statusCode()).as(declared.bodyAsString()).isEqualTo(200);

    var page = server.api().get("/api/v/" + token);
    var cast = server.api().post("/api/v/" + token, Voting.ballot(Voting.newNonce(), closed.validAnswers()));

    for (var refused : List.of(page, cast)) {
      assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(410);
      JsonObject body = refused.bodyAsJsonObject();
      assertThat(body.getString("error")).isEqualTo("slip_unreturned");
      assertThat(body.getString("message")).isEqualTo("此票签已登记为未收回，不能再投票，请向工作人员询问");
      assertThat(body.getJsonObject("fields").getString("event")).isEqualTo("未收回的评议");
    }
    assertThat(db.slipState(token)).isEqualTo("unreturned");
    assertThat(db.castBallots(closed.eventId))
        .isZero();
  }

  @Test
  void receiptsArePublishedSortedOnlyAfterVotingCloses() {
    Voting event = Voting.open(organizer, "回执公布");
    List<String> tokens = event.slips(organizer, "A", 3);
    List<String> receipts = tokens.stream().map(t -> server.api().post("/api/v/" + t,
        Voting.ballot(Voting.newNonce(), event.validAnswers())).bodyAsJsonObject().getString("receipt")).toList();

    var early = organizer.get("/api/events/" + event.eventId + "/receipts");
    organizer.post("/api/events/" + event.eventId + "/close", null);
    var published = organizer.get("/api/events/" + event.eventId + "/receipts");

    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(published.statusCode()).isEqualTo(200);
    List<Object> listed = published.bodyAsJsonObject().getJsonArray("receipts").getList();
    assertThat(listed).containsExactlyInAnyOrderElementsOf(receipts);
  }

  @Test
  void theVoterPageIsServedForASlipAddressAndNotCached() {
    var page = server.api().get("/v/" + voting.slips(organizer, "A", 1).get(0));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.getHeader("Content-Type")).startsWith("text/html");
    assertThat(page.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(page.bodyAsString()).contains("lang=\"zh-CN\"");
  }

  private void assertRefused(String token, int status, String code, JsonObject answers) {
    String path = "/api/v/" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    for (var response : List.of(server.api().get(path), server.api().post(path, Voting.ballot(Voting.newNonce(), answers)))) {
      assertThat(response.statusCode()).as(token + " " + response.bodyAsString()).isEqualTo(status);
      assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo(code);
      assertThat(response.bodyAsJsonObject().getString("message")).isNotBlank();
    }
  }

  private static List<HttpResponse<String>> concurrently(int n, java.util.function.IntFunction<JsonObject> body, String token) {
    List<String> targets = java.util.Collections.nCopies(n, token);
    int[] i = {0};
    return concurrently(targets, t -> body.apply(i[0]++));
  }

  /** Sends one ballot per target token, all at once, each on its own connection. */
  private static List<HttpResponse<String>> concurrently(List<String> tokens, java.util.function.Function<String, JsonObject> body) {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
    for (String token : tokens) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v/" + token))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body.apply(token).encode())).build();
      pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
    }
    return pending.stream().map(CompletableFuture::join).toList();
  }
}
