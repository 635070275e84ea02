package org.pingyi.paper;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.crypto.StoredSecrets;
import org.pingyi.support.Api;
import org.pingyi.support.Db;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Voting;

/** 双人录入: a paper ballot counts once two clerks have entered it alike, and not before. */
class PaperBallotTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  private static Api organizer;
  private static Api clerk1;
  private static Api clerk2;
  private static Api clerk3;
  private static Voting voting;
  private static Db db;

  @BeforeAll
  static void openAnEvent() {
    Api admin = server.api().asAdmin();
    organizer = admin.newStaff("organizer", "organizer", "organizer-pass");
    clerk1 = server.api().asAdmin().newStaff("clerk1", "clerk", "clerk1-password");
    clerk2 = server.api().asAdmin().newStaff("clerk2", "clerk", "clerk2-password");
    clerk3 = server.api().asAdmin().newStaff("clerk3", "clerk", "clerk3-password");
    voting = Voting.open(organizer, "纸质票录入");
    db = new Db(server.database());
  }

  @Test
  void twoMatchingEntriesCountTheBallotOnceAsPaper() {
    String serial = newSerial("B");
    long before = ballots("paper");

    var first = enter(clerk1, serial, voting.validAnswers());
    assertThat(ballots("paper")).isEqualTo(before);
    var second = enter(clerk2, serial, voting.validAnswers());

    assertThat(first.statusCode()).as(first.bodyAsString()).isEqualTo(202);
    assertThat(first.bodyAsJsonObject().getString("status")).isEqualTo("awaiting_second");
    assertThat(second.statusCode()).as(second.bodyAsString()).isEqualTo(201);
    assertThat(second.bodyAsJsonObject().getString("status")).isEqualTo("counted");
    assertThat(ballots("paper")).isEqualTo(before + 1);
    assertThat(slipState(serial)).isEqualTo("used");
    assertThat(db.count("SELECT count(*) FROM paper_entries WHERE serial = ?", serial)).isZero();
    assertThat(enter(clerk3, serial, voting.validAnswers()).bodyAsJsonObject().getString("error")).isEqualTo("slip_used");
  }

  @Test
  void aPaperBallotFoundAfterItsSlipWasRegisteredUnreturnedIsCountedAndTheSlipUsed() {
    Voting closed = Voting.open(organizer, "未收回后找到");
    List<String> tokens = closed.slips(organizer, "B", 2);
    organizer.post("/api/events/" + closed.eventId + "/close", null);
    var declared = organizer.post("/api/events/" + closed.eventId + "/slips/unreturned", new JsonObject().put("count", 2));
    assertThat(declared.statusCode()).as(declared.bodyAsString()).isEqualTo(200);
    String serial = db.strings("SELECT serial FROM slips WHERE token_sha256 = ?",
        StoredSecrets.hash(tokens.get(0))).get(0);
    String path = "/api/events/" + closed.eventId + "/paper-ballots";
    JsonObject paper = new JsonObject().put("serial", serial).put("answers", closed.validAnswers());

    var first = clerk1.post(path, paper);
    var second = clerk2.post(path, paper);

    assertThat(first.statusCode()).as(first.bodyAsString()).isEqualTo(202);
    assertThat(second.statusCode()).as(second.bodyAsString()).isEqualTo(201);
    assertThat(db.strings("SELECT state FROM slips WHERE event_id = ? AND serial = ?", UUID.fromString(closed.eventId),
        serial)).containsExactly("used");
    assertThat(db.count("SELECT count(*) FROM slips WHERE event_id = ? AND state = 'unreturned'",
        UUID.fromString(closed.eventId))).isEqualTo(1);
    assertThat(db.count("SELECT count(*) FROM cast_ballots WHERE event_id = ? AND channel = 'paper'",
        UUID.fromString(closed.eventId))).isEqualTo(1);
  }

  @Test
  void differingEntriesDoNotCountUntilTheWrongOneIsDiscardedAndEnteredAgain() {
    String serial = newSerial("A");
    JsonObject misread = voting.validAnswers();
    misread.getJsonObject(voting.cadreWorkForm).put("q1", "poor");
    long before = ballots("paper");
    enter(clerk1, serial, voting.validAnswers());

    var second = enter(clerk2, serial, misread);
    var third = enter(clerk3, serial, voting.validAnswers());

    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.bodyAsJsonObject().getString("status")).isEqualTo("mismatch");
    assertThat(third.statusCode()).isEqualTo(409);
    assertThat(third.bodyAsJsonObject().getString("error")).isEqualTo("entries_differ");
    assertThat(ballots("paper")).isEqualTo(before);
    JsonObject pending = pendingFor(serial);
    assertThat(pending.getString("status")).isEqualTo("mismatch");
    JsonArray entries = pending.getJsonArray("entries");
    assertThat(entries.stream().map(e -> ((JsonObject) e).getJsonObject("answers")
        .getJsonObject(voting.cadreWorkForm).getString("q1"))).containsExactlyInAnyOrder("good", "poor");

    String wrong = entries.stream().map(e -> (JsonObject) e).filter(e -> e.getString("clerk").equals("clerk2"))
        .findFirst().orElseThrow().getString("id");
    assertThat(clerk1.delete("/api/events/" + voting.eventId + "/paper-ballots/" + serial + "/entries/" + wrong).statusCode())
        .isEqualTo(204);
    var again = enter(clerk3, serial, voting.validAnswers());

    assertThat(again.statusCode()).as(again.bodyAsString()).isEqualTo(201);
    assertThat(ballots("paper")).isEqualTo(before + 1);
  }

  @Test
  void theSameClerkCannotBeTheSecondEntry() {
    String serial = newSerial("A");
    enter(clerk1, serial, voting.validAnswers());

    var again = enter(clerk1, serial, voting.validAnswers());

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.bodyAsJsonObject().getString("error")).isEqualTo("same_clerk");
  }

  @Test
  void aWaitingFirstEntryDoesNotShowItsAnswers() {
    String serial = newSerial("A");
    enter(clerk1, serial, voting.validAnswers());

    JsonObject pending = pendingFor(serial);

    assertThat(pending.getString("status")).isEqualTo("awaiting_second");
    assertThat(pending.getJsonArray("entries").getJsonObject(0).fieldNames()).containsExactlyInAnyOrder("id", "clerk");
  }

  @Test
  void paperKeepsTooManyMarksAndUnreadableBallotsForTheTally() {
    JsonObject over = voting.validAnswers();
    over.getJsonObject(voting.recommendationForm).getJsonObject("rec")
        .put("p1", new JsonObject().put("selected", new JsonArray().add("c1").add("c2")));
    String overSerial = newSerial("B");
    String unreadableSerial = newSerial("B");

    enter(clerk1, overSerial, over);
    var overCounted = enter(clerk2, overSerial, over);
    clerk1.post(paperPath(), new JsonObject().put("serial", unreadableSerial).put("unreadable", true));
    var unreadableCounted = clerk2.post(paperPath(), new JsonObject().put("serial", unreadableSerial).put("unreadable", true));

    assertThat(overCounted.statusCode()).as(overCounted.bodyAsString()).isEqualTo(201);
    assertThat(unreadableCounted.statusCode()).as(unreadableCounted.bodyAsString()).isEqualTo(201);
    assertThat(db.count("SELECT count(*) FROM cast_ballots WHERE event_id = ? AND unreadable AND answers = '{}'::jsonb",
        UUID.fromString(voting.eventId))).isEqualTo(1);
    assertThat(db.count("""
        SELECT count(*) FROM cast_ballots WHERE event_id = ?
          AND jsonb_array_length(answers -> ? -> 'rec' -> 'p1' -> 'selected') = 2""",
        UUID.fromString(voting.eventId), voting.recommendationForm)).isEqualTo(1);
  }

  @Test
  void aSlipUsedByAPhoneCannotAlsoBeEnteredOnPaperAndTheTotalsTellThemApart() {
    List<String> tokens = voting.slips(organizer, "A", 1);
    String serial = db.strings("SELECT serial FROM slips WHERE token_sha256 = ?", StoredSecrets.hash(tokens.get(0))).get(0);
    server.api().post("/api/v/" + tokens.get(0), Voting.ballot(Voting.newNonce(), voting.validAnswers()));

    var refused = enter(clerk1, serial, voting.validAnswers());
    var counts = organizer.get("/api/events/" + voting.eventId + "/ballots/counts").bodyAsJsonArray();

    assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("slip_used");
    JsonObject a = counts.stream().map(c -> (JsonObject) c).filter(c -> c.getString("category").equals("A")).findFirst().orElseThrow();
    assertThat(a.getLong("phone")).isEqualTo(db.count(
        "SELECT count(*) FROM cast_ballots WHERE event_id = ? AND category_code = 'A' AND channel = 'phone'", UUID.fromString(voting.eventId)));
    assertThat(a.getLong("phone")).isPositive();
  }

  @Test
  void aVoidSlipIsGoneForPaperAsForAPhoneAndAnUnknownSerialIsNotFound() {
    String serial = newSerial("A");
    organizer.post("/api/events/" + voting.eventId + "/slips/" + serial + "/void", null);

    var voided = enter(clerk1, serial, voting.validAnswers());
    var unknown = enter(clerk1, "A-9999", voting.validAnswers());

    assertThat(voided.statusCode()).as(voided.bodyAsString()).isEqualTo(410);
    assertThat(voided.bodyAsJsonObject().getString("error")).isEqualTo("slip_void");
    assertThat(voided.bodyAsJsonObject().getString("message")).contains(serial);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.bodyAsJsonObject().getString("error")).isEqualTo("slip_not_found");
    assertThat(db.count("SELECT count(*) FROM paper_entries WHERE serial = ?", serial)).isZero();
  }

  @Test
  void paperIsNotEnteredForAnEventWhoseVotingHasNotStarted() {
    Voting draft = Voting.prepare(organizer, "尚未开始的纸质票");
    String token = draft.slips(organizer, "A", 1).get(0);
    String serial = db.strings("SELECT serial FROM slips WHERE token_sha256 = ?", StoredSecrets.hash(token)).get(0);

    var refused = clerk1.post("/api/events/" + draft.eventId + "/paper-ballots",
        new JsonObject().put("serial", serial).put("answers", draft.validAnswers()));

    assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(409);
    assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("event_not_counting");
    assertThat(refused.bodyAsJsonObject().getString("message")).isEqualTo("只有投票中或已结束（未归档）的活动可以录入纸质票");
    assertThat(db.count("SELECT count(*) FROM paper_entries WHERE event_id = ?", UUID.fromString(draft.eventId)))
        .isZero();
    assertThat(db.strings("SELECT state FROM slips WHERE token_sha256 = ?", StoredSecrets.hash(token)))
        .containsExactly("unused");
  }

  @Test
  void anInvalidPaperEntryNamesTheFieldAndStoresNothing() {
    String serial = newSerial("A");
    JsonObject answers = voting.validAnswers();
    answers.getJsonObject(voting.cadreWorkForm).put("q1", "excellent");

    var refused = enter(clerk1, serial, answers);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.bodyAsJsonObject().getJsonObject("fields").fieldNames())
        .containsExactly("answers." + voting.cadreWorkForm + ".q1");
    assertThat(db.count("SELECT count(*) FROM paper_entries WHERE serial = ?", serial)).isZero();
  }

  private static String newSerial(String category) {
    String token = voting.slips(organizer, category, 1).get(0);
    return db.strings("SELECT serial FROM slips WHERE token_sha256 = ?", StoredSecrets.hash(token)).get(0);
  }

  private static io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> enter(Api clerk, String serial, JsonObject answers) {
    return clerk.post(paperPath(), new JsonObject().put("serial", serial).put("answers", answers));
  }

  private static String paperPath() {
    return "/api/events/" + voting.eventId + "/paper-ballots";
  }

  private static JsonObject pendingFor(String serial) {
    return organizer.get(paperPath()).bodyAsJsonArray().stream().map(p -> (JsonObject) p)
        .filter(p -> p.getString("serial").equals(serial)).findFirst().orElseThrow();
  }

  private static long ballots(String channel) {
    return db.count("SELECT count(*) FROM cast_ballots WHERE event_id = ? AND channel = ?", UUID.fromString(voting.eventId), channel);
  }

  private static String slipState(String serial) {
    return db.strings("SELECT state FROM slips WHERE event_id = ? AND serial = ?", UUID.fromString(voting.eventId), serial).get(0);
  }
}
