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

  private static List<String> codes(JsonObject check) {
    return check.getJsonArray("missing").stream().map(m -> ((JsonObject) m).getString("code")).toList();
  }
}
