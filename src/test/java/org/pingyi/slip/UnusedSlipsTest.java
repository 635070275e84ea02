package org.pingyi.slip;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Voting;

/** After the close: the unused serials are listed by runs, voided all or none, and the rest declared not returned. */
class UnusedSlipsTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  private static Api organizer;

  @BeforeAll
  static void signIn() {
    organizer = server.api().asAdmin().newStaff("organizer-unused", "organizer", "organizer-pass");
  }

  @Test
  void whileVotingIsOpenTheUnusedSerialsAreNotListedNorDeclaredUnreturned() {
    Voting voting = Voting.open(organizer, "投票中");
    voting.slips(organizer, "A", 2);

    var list = organizer.get("/api/events/" + voting.eventId + "/slips/unused");
    var pdf = organizer.get("/api/events/" + voting.eventId + "/slips/unused.pdf");
    var unreturned = organizer.post("/api/events/" + voting.eventId + "/slips/unreturned", new JsonObject());

    for (var refused : List.of(list, pdf, unreturned)) {
      assertThat(refused.statusCode()).isEqualTo(409);
      assertThat(refused.getHeader("Content-Type")).startsWith("application/json");
      assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("event_not_closed");
      assertThat(refused.bodyAsJsonObject().getString("message")).startsWith("投票结束后才能");
    }
  }

  @Test
  void whileVotingIsOpenTheCompletenessCheckCountsUnusedSlipsButNamesNone() {
    Voting voting = Voting.open(organizer, "投票中的核对");
    List<String> tokens = voting.slips(organizer, "A", 20);
    server.api().post("/api/v/" + tokens.get(6), Voting.ballot(Voting.newNonce(), voting.validAnswers()));

    JsonObject check = organizer.get("/api/events/" + voting.eventId + "/completeness").bodyAsJsonObject();

    // Naming the runs would show A-0007 leaving them the moment it voted.
    assertThat(message(check, "slips_unaccounted")).contains("19 张").doesNotContain("A-0");
  }

  @Test
  void aHallOfMoreThan127UnreturnedSlipsIsDeclaredWithItsConfirmedCount() {
    Voting voting = closedWithVotes("大会场", 200, 0);

    var declared = organizer.post("/api/events/" + voting.eventId + "/slips/unreturned", new JsonObject().put("count", 199));

    assertThat(declared.statusCode()).as(declared.bodyAsString()).isEqualTo(200);
    assertThat(declared.bodyAsJsonObject().getInteger("declared")).isEqualTo(199);
  }

  @Test
  void theUnusedSerialsComeInRunsPerCategory() {
    Voting voting = closedWithVotes("清点", 5, 0, 3);

    JsonObject unused = organizer.get("/api/events/" + voting.eventId + "/slips/unused").bodyAsJsonObject();

    assertThat(unused.getLong("total")).isEqualTo(3);
    JsonObject a = unused.getJsonArray("categories").getJsonObject(0);
    assertThat(a.getString("category")).isEqualTo("A");
    assertThat(a.getLong("count")).isEqualTo(3);
    assertThat(a.getString("text")).isEqualTo("A-0002 至 A-0003、A-0005");
    assertThat(a.getJsonArray("runs").getJsonObject(0))
        .isEqualTo(new JsonObject().put("first", "A-0002").put("last", "A-0003").put("count", 2));
  }

  @Test
  void voidingSeveralIsAllOrNoneAndSaysWhichSerialStoppedIt() {
    Voting voting = closedWithVotes("作废", 5, 0, 3);
    String path = "/api/events/" + voting.eventId + "/slips/void";

    var withUsed = organizer.post(path, new JsonObject().put("serials", new JsonArray().add("A-0002").add("A-0001")));
    var duplicate = organizer.post(path, new JsonObject().put("serials", new JsonArray().add("A-0002").add("A-0002")));
    var empty = organizer.post(path, new JsonObject().put("serials", new JsonArray()));
    var unknown = organizer.post(path, new JsonObject().put("serials", new JsonArray().add("A-0099")));
    var voided = organizer.post(path, new JsonObject().put("serials", new JsonArray().add("A-0002").add("A-0005")));

    assertThat(withUsed.statusCode()).isEqualTo(409);
    assertThat(withUsed.bodyAsJsonObject().getString("error")).isEqualTo("slip_not_voidable");
    assertThat(withUsed.bodyAsJsonObject().getString("message")).isEqualTo("票签 A-0001 已投票，不能作废");
    assertThat(duplicate.statusCode()).isEqualTo(400);
    assertThat(duplicate.bodyAsJsonObject().getJsonObject("fields").getString("serials")).isEqualTo("编号有重复");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.bodyAsJsonObject().getJsonObject("fields").getString("serials")).isEqualTo("请填写要作废的票签编号");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.bodyAsJsonObject().getString("message")).isEqualTo("没有这个票签编号：A-0099");
    assertThat(voided.statusCode()).as(voided.bodyAsString()).isEqualTo(200);
    // The refused request voided nothing: A-0002 was still unused for the last one.
    assertThat(organizer.get("/api/events/" + voting.eventId + "/slips/counts").bodyAsJsonArray().getJsonObject(0))
        .isEqualTo(new JsonObject().put("category", "A").put("issued", 5).put("unused", 1).put("used", 2)
            .put("void", 2).put("unreturned", 0));
  }

  @Test
  void declaringUnreturnedTakesTheConfirmedCountAndThenTheCheckNoLongerAsksForTheSlips() {
    Voting voting = closedWithVotes("未收回", 4, 0, 2);
    String path = "/api/events/" + voting.eventId + "/slips/unreturned";
    JsonObject before = organizer.get("/api/events/" + voting.eventId + "/completeness").bodyAsJsonObject();

    var stale = organizer.post(path, new JsonObject().put("count", 3));
    var declared = organizer.post(path, new JsonObject().put("count", 2));

    assertThat(codes(before)).contains("slips_unaccounted");
    assertThat(message(before, "slips_unaccounted")).contains("（A-0002、A-0004）");
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(stale.bodyAsJsonObject().getString("error")).isEqualTo("slip_count_changed");
    assertThat(stale.bodyAsJsonObject().getString("message")).contains("现在是 2 张", "确认时的 3 张");
    assertThat(declared.bodyAsJsonObject().getInteger("declared")).isEqualTo(2);
    JsonObject after = organizer.get("/api/events/" + voting.eventId + "/completeness").bodyAsJsonObject();
    assertThat(codes(after)).doesNotContain("slips_unaccounted");
    assertThat(organizer.get("/api/events/" + voting.eventId + "/slips/unused").bodyAsJsonObject().getLong("total"))
        .isZero();
  }

  @Test
  void withoutABodyEveryUnusedSlipIsDeclaredAsBefore() {
    Voting voting = closedWithVotes("无请求体", 3, 1);

    var declared = organizer.post("/api/events/" + voting.eventId + "/slips/unreturned", null);

    assertThat(declared.statusCode()).as(declared.bodyAsString()).isEqualTo(200);
    assertThat(declared.bodyAsJsonObject().getInteger("declared")).isEqualTo(2);
  }

  @Test
  void aClerkMayReadTheListButNotVoidOrDeclare() {
    Voting voting = closedWithVotes("工作人员", 2, 0);
    Api clerk = server.api().asAdmin().newStaff("clerk-unused", "clerk", "clerk-unused-pass");

    assertThat(clerk.get("/api/events/" + voting.eventId + "/slips/unused").statusCode()).isEqualTo(200);
    var voiding = clerk.post("/api/events/" + voting.eventId + "/slips/void",
        new JsonObject().put("serials", new JsonArray().add("A-0002")));
    assertThat(voiding.statusCode()).isEqualTo(403);
    assertThat(voiding.bodyAsJsonObject().getString("message")).isNotBlank();
  }

  /** An open event with {@code issued} slips of category A, votes cast with those at these indexes, then closed. */
  static Voting closedWithVotes(String title, int issued, int... votedIndexes) {
    Voting voting = Voting.open(organizer, title);
    List<String> tokens = voting.slips(organizer, "A", issued);
    for (int i : votedIndexes) {
      var cast = server.api().post("/api/v/" + tokens.get(i), Voting.ballot(Voting.newNonce(), voting.validAnswers()));
      assertThat(cast.statusCode()).as(cast.bodyAsString()).isEqualTo(201);
    }
    organizer.post("/api/events/" + voting.eventId + "/close", null);
    return voting;
  }

  private static List<String> codes(JsonObject check) {
    return check.getJsonArray("missing").stream().map(m -> ((JsonObject) m).getString("code")).toList();
  }

  private static String message(JsonObject check, String code) {
    return check.getJsonArray("missing").stream().map(m -> (JsonObject) m).filter(m -> m.getString("code").equals(code))
        .findFirst().orElseThrow().getString("message");
  }
}
