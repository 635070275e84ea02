package org.pingyi.vote;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.crypto.StoredSecrets;
import org.pingyi.support.Api;
import org.pingyi.support.Db;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Voting;

/** Every kind of invalid ballot is a 400 naming the field, and leaves the slip unused and no ballot behind. */
class InvalidBallotTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  private static Api organizer;
  private static Voting voting;
  private static Db db;

  @BeforeAll
  static void openAnEvent() {
    organizer = server.api().asAdmin().newStaff("organizer", "organizer", "organizer-pass");
    voting = Voting.open(organizer, "无效票测试");
    db = new Db(server.database());
  }

  @Test
  void moreCandidatesThanSeats() {
    assertRefused(a -> recommendation(a).put("p1", new JsonObject().put("selected", new JsonArray().add("c1").add("c2"))),
        voting.recommendationForm + ".rec.p1", "最多推荐 1 人");
  }

  @Test
  void aWriteInBeyondTheSeats() {
    assertRefused(a -> recommendation(a).put("p1", new JsonObject().put("selected", new JsonArray().add("c1"))
        .put("writeIns", new JsonArray().add("孙三"))), voting.recommendationForm + ".rec.p1", "最多推荐 1 人");
  }

  @Test
  void anUnknownOption() {
    assertRefused(a -> a.getJsonObject(voting.cadreWorkForm).put("q1", "excellent"),
        voting.cadreWorkForm + ".q1", "没有这个选项");
  }

  @Test
  void anUnknownCandidate() {
    assertRefused(a -> recommendation(a).put("p1", new JsonObject().put("selected", new JsonArray().add("c9"))),
        voting.recommendationForm + ".rec.p1.selected", "没有这个选项");
  }

  @Test
  void anUnknownQuestionOrForm() {
    assertRefused(a -> a.getJsonObject(voting.cadreWorkForm).put("q99", "good"), voting.cadreWorkForm + ".q99", "没有这个问题");
    assertRefused(a -> a.put(UUID.randomUUID().toString(), new JsonObject()), null, "没有这个表");
  }

  @Test
  void aMissingRequiredAnswer() {
    assertRefused(a -> a.getJsonObject(voting.cadreWorkForm).remove("q2"), voting.cadreWorkForm + ".q2", "请选择一项");
    assertRefused(a -> a.getJsonObject(voting.newCadresForm).getJsonObject("cadres").remove("r2"),
        voting.newCadresForm + ".cadres.r2", "请为“李四”选择评价");
    assertRefused(a -> a.getJsonObject(voting.newCadresForm).getJsonObject("cadres").getJsonObject("r1").remove("extra"),
        voting.newCadresForm + ".cadres.r1.extra.canvass", "是否存在拉票");
  }

  @Test
  void aReasonWithoutDisagreeing() {
    assertRefused(a -> a.getJsonObject(voting.newCadresForm).getJsonObject("cadres").getJsonObject("r1")
        .put("reasons", new JsonArray().add("ability")), voting.newCadresForm + ".cadres.r1.reasons", "不认同");
  }

  @Test
  void textTooLongOrWithAControlCharacter() {
    assertRefused(a -> a.getJsonObject(voting.cadreWorkForm).put("q5", "意".repeat(1001)),
        voting.cadreWorkForm + ".q5", "不能超过 1000 字");
    assertRefused(a -> a.getJsonObject(voting.cadreWorkForm).put("q6", "a\u0000b"),
        voting.cadreWorkForm + ".q6", "控制字符");
  }

  @Test
  void wrongTypes() {
    assertRefused(a -> a.getJsonObject(voting.cadreWorkForm).put("q1", 5), voting.cadreWorkForm + ".q1", "格式不正确");
    assertRefused(a -> a.getJsonObject(voting.cadreWorkForm).put("q4", "p1"), voting.cadreWorkForm + ".q4", "格式不正确");
    assertRefused(a -> a.getJsonObject(voting.cadreWorkForm).put("q4", new JsonArray().add("p1").add("p1")),
        voting.cadreWorkForm + ".q4", "选项重复");
    assertRefused(a -> a.put(voting.newCadresForm, "agree"), voting.newCadresForm, "格式不正确");
    assertRefused(a -> a.getJsonObject(voting.newCadresForm).put("cadres", new JsonArray()),
        voting.newCadresForm + ".cadres", "格式不正确");
  }

  @Test
  void aMissingOrMalformedNonce() {
    String token = voting.slips(organizer, "A", 1).get(0);
    for (JsonObject body : new JsonObject[] {
        new JsonObject().put("answers", voting.validAnswers()),
        Voting.ballot("short", voting.validAnswers()),
        Voting.ballot(Voting.newNonce() + "!", voting.validAnswers())}) {
      var refused = server.api().post("/api/v/" + token, body);
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.bodyAsJsonObject().getJsonObject("fields").fieldNames()).containsExactly("nonce");
    }
    assertNothingWritten(token);
  }

  @Test
  void anOversizedBodyOrBrokenJson() {
    String token = voting.slips(organizer, "A", 1).get(0);
    JsonObject huge = Voting.ballot(Voting.newNonce(), voting.validAnswers()).put("padding", "x".repeat(300_000));

    var oversized = server.api().post("/api/v/" + token, huge);
    var broken = server.api().send(HttpMethod.POST, "/api/v/" + token, Buffer.buffer("{\"nonce\": "));

    assertThat(oversized.statusCode()).isEqualTo(413);
    assertThat(oversized.bodyAsJsonObject().getString("error")).isEqualTo("payload_too_large");
    assertThat(oversized.bodyAsJsonObject().getString("message")).contains("256 KB");
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.bodyAsJsonObject().getString("error")).isEqualTo("invalid_json");
    assertNothingWritten(token);
  }

  @Test
  void aBallotBodyIsDecodedOnlyOnceItsSlipIsKnownSoAnUnknownSlipIsWhatABrokenBodyWithItHears() {
    var unknownSlip = server.api().send(HttpMethod.POST, "/api/v/" + "A".repeat(32), Buffer.buffer("{\"nonce\": "));
    var emptyBody = server.api().send(HttpMethod.POST, "/api/v/" + voting.slips(organizer, "A", 1).get(0), Buffer.buffer(""));

    assertThat(unknownSlip.statusCode()).isEqualTo(404);
    assertThat(unknownSlip.bodyAsJsonObject().getString("error")).isEqualTo("slip_unknown");
    assertThat(emptyBody.statusCode()).isEqualTo(400);
    assertThat(emptyBody.bodyAsJsonObject().getString("error")).isEqualTo("invalid_json");
    assertThat(emptyBody.bodyAsJsonObject().getString("message")).isEqualTo("请求体不能为空");
  }

  @Test
  void theFirstProblemIsNamedFirstAndInTheMessage() {
    String token = voting.slips(organizer, "A", 1).get(0);
    JsonObject answers = voting.validAnswers();
    answers.getJsonObject(voting.newCadresForm).getJsonObject("cadres").remove("r3");
    answers.getJsonObject(voting.cadreWorkForm).put("q1", "excellent");

    var refused = server.api().post("/api/v/" + token, Voting.ballot(Voting.newNonce(), answers));

    String first = "answers." + voting.newCadresForm + ".cadres.r3";
    assertThat(refused.bodyAsJsonObject().getJsonObject("fields").fieldNames().iterator().next()).isEqualTo(first);
    assertThat(refused.bodyAsJsonObject().getString("message")).contains(first);
  }

  private static JsonObject recommendation(JsonObject answers) {
    return answers.getJsonObject(voting.recommendationForm).getJsonObject("rec");
  }

  /** @param field the path under "answers." expected among the fields; null to check only the message */
  private void assertRefused(Consumer<JsonObject> spoil, String field, String message) {
    String token = voting.slips(organizer, "B", 1).get(0);
    JsonObject answers = voting.validAnswers();
    spoil.accept(answers);

    var refused = server.api().post("/api/v/" + token, Voting.ballot(Voting.newNonce(), answers));

    assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(400);
    JsonObject body = refused.bodyAsJsonObject();
    assertThat(body.getString("error")).isEqualTo("invalid_input");
    if (field != null) {
      assertThat(body.getJsonObject("fields").getString("answers." + field)).as(body.encode()).contains(message);
    } else {
      assertThat(body.getString("message")).contains(message);
    }
    assertNothingWritten(token);
  }

  private static void assertNothingWritten(String token) {
    assertThat(db.strings("SELECT state FROM slips WHERE token_sha256 = ?", StoredSecrets.hash(token)))
        .containsExactly("unused");
    assertThat(db.count("SELECT count(*) FROM cast_ballots WHERE event_id = ?", UUID.fromString(voting.eventId))).isZero();
  }
}
