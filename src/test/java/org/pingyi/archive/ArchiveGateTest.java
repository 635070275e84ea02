package org.pingyi.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.Fixtures;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Voting;

/** Archiving waits for a complete record, and the check says exactly what is missing. */
class ArchiveGateTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();

  @Test
  void anIncompleteRecordIsListedAndCannotBeArchivedUntilFixed() {
    Api organizer = server.api().asAdmin();
    Voting voting = Voting.open(organizer, "归档检查");
    String path = "/api/events/" + voting.eventId;
    List<String> tokens = voting.slips(organizer, "A", 2);
    server.api().post("/api/v/" + tokens.get(0), Voting.ballot(Voting.newNonce(), voting.validAnswers()));
    JsonObject incomplete = Fixtures.event("归档检查").put("counters", new io.vertx.core.json.JsonArray())
        .put("responsible", new JsonObject().put("name", "").put("title", "支部书记"));
    organizer.put(path, incomplete);

    JsonObject open = organizer.get(path + "/completeness").bodyAsJsonObject();
    organizer.post(path + "/close", null);
    JsonObject closed = organizer.get(path + "/completeness").bodyAsJsonObject();
    var refused = organizer.post(path + "/archive", null);

    assertThat(codes(open)).containsExactly("event_not_closed", "counters", "responsible", "slips_unaccounted");
    assertThat(closed.getBoolean("complete")).isFalse();
    assertThat(codes(closed)).containsExactly("counters", "responsible", "slips_unaccounted");
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("record_incomplete");
    assertThat(refused.bodyAsJsonObject().getJsonObject("fields").getString("responsible")).isEqualTo("未填写支部书记姓名");

    organizer.put(path, Fixtures.event("归档检查"));
    var declared = organizer.post(path + "/slips/unreturned", null);

    assertThat(declared.bodyAsJsonObject().getInteger("declared")).isEqualTo(1);
    assertThat(organizer.get(path + "/slips/counts").bodyAsJsonArray().getJsonObject(0).getInteger("unreturned")).isEqualTo(1);
    assertThat(organizer.get(path + "/completeness").bodyAsJsonObject().getBoolean("complete")).isTrue();
    assertThat(organizer.post(path + "/archive", null).statusCode()).isEqualTo(200);
  }

  @Test
  void missingSupervisorsAndDateEachBlockArchivingUntilFilledIn() {
    Api organizer = server.api().asAdmin();
    Voting voting = Voting.open(organizer, "监票人与日期");
    String path = "/api/events/" + voting.eventId;
    organizer.post(path + "/close", null);
    organizer.put(path, Fixtures.event("监票人与日期").put("supervisors", new io.vertx.core.json.JsonArray()).putNull("date"));

    JsonObject check = organizer.get(path + "/completeness").bodyAsJsonObject();
    var refused = organizer.post(path + "/archive", null);

    assertThat(codes(check)).containsExactly("supervisors", "date");
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.bodyAsJsonObject().getJsonObject("fields").fieldNames()).containsExactly("supervisors", "date");
    assertThat(refused.bodyAsJsonObject().getString("message"))
        .isEqualTo("资料不完整，不能归档：未填写监票人；未填写日期（汇总表的填表日期）");

    organizer.put(path, Fixtures.event("监票人与日期"));
    assertThat(organizer.post(path + "/archive", null).statusCode()).isEqualTo(200);
  }

  @Test
  void aPaperBallotAwaitingItsSecondEntryBlocksArchivingUntilEntered() {
    Api organizer = server.api().asAdmin();
    Api secondClerk = server.api().asAdmin().newStaff("second-clerk", "clerk", "second-clerk-pass");
    Voting voting = Voting.open(organizer, "纸质票未录完");
    String path = "/api/events/" + voting.eventId;
    String serial = organizer.post(path + "/slips", new JsonObject().put("category", "B").put("format", "csv").put("count", 1))
        .bodyAsString().split("\r\n")[1].split(",")[0];
    JsonObject entry = new JsonObject().put("serial", serial).put("answers", voting.validAnswers());
    organizer.post(path + "/paper-ballots", entry);
    organizer.post(path + "/close", null);

    JsonObject check = organizer.get(path + "/completeness").bodyAsJsonObject();
    var refused = organizer.post(path + "/archive", null);

    assertThat(codes(check)).contains("paper_pending");
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.bodyAsJsonObject().getJsonObject("fields").getString("paper_pending"))
        .isEqualTo("还有 1 张纸质票等待第二遍录入或两遍录入不一致：请完成双人录入");

    assertThat(secondClerk.post(path + "/paper-ballots", entry).statusCode()).isEqualTo(201);
    assertThat(organizer.get(path + "/completeness").bodyAsJsonObject().getBoolean("complete")).isTrue();
    assertThat(organizer.post(path + "/archive", null).statusCode()).isEqualTo(200);
  }

  @Test
  void anArchivedEventsSlipsCanNoLongerBeVoided() {
    Api organizer = server.api().asAdmin();
    Voting voting = Voting.open(organizer, "归档后作废");
    String path = "/api/events/" + voting.eventId;
    voting.slips(organizer, "A", 1);
    organizer.post(path + "/close", null);
    organizer.post(path + "/slips/unreturned", null);
    assertThat(organizer.post(path + "/archive", null).statusCode()).isEqualTo(200);

    var refused = organizer.post(path + "/slips/A-0001/void", null);

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("event_archived");
    assertThat(organizer.get(path + "/slips/counts").bodyAsJsonArray().getJsonObject(0).getInteger("unreturned")).isEqualTo(1);
  }

  private static List<String> codes(JsonObject check) {
    return check.getJsonArray("missing").stream().map(m -> ((JsonObject) m).getString("code")).toList();
  }
}
