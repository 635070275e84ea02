package org.pingyi.slip;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.crypto.StoredSecrets;
import org.pingyi.support.Api;
import org.pingyi.support.Fixtures;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.TestServer;

/** Issuing slips per category: the CSV carries the only copy of each token; the database keeps hashes. */
class SlipApiTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  private static Api organizer;

  @BeforeAll
  static void signIn() {
    organizer = server.api().asAdmin().newStaff("organizer", "organizer", "organizer-pass");
  }

  @Test
  void aBatchComesBackAsCsvWithSerialsAndVotingAddresses() {
    String eventId = newEvent();

    var issued = organizer.post("/api/events/" + eventId + "/slips", new JsonObject().put("category", "A").put("format", "csv").put("count", 3));

    assertThat(issued.statusCode()).as(issued.bodyAsString()).isEqualTo(200);
    assertThat(issued.getHeader("Content-Type")).startsWith("text/csv");
    List<String> lines = csvLines(issued.bodyAsString());
    assertThat(lines.get(0)).isEqualTo("\uFEFF序号,投票地址");
    assertThat(lines.subList(1, 4)).allMatch(l -> l.matches("A-000[1-3]," + TestServer.PUBLIC_URL + "/v/[A-Za-z0-9_-]{27}"));
    // A LAN address: the console raises no alarm and issuing needs no confirmation.
    assertThat(organizer.get("/api/config").bodyAsJsonObject().getBoolean("publicUrlReachable")).isTrue();
  }

  @Test
  void serialsContinueFromTheLastBatchOfTheCategory() {
    String eventId = newEvent();
    organizer.post("/api/events/" + eventId + "/slips", new JsonObject().put("category", "B").put("format", "csv").put("count", 2));

    var second = organizer.post("/api/events/" + eventId + "/slips", new JsonObject().put("category", "B").put("format", "csv").put("count", 2));

    assertThat(csvLines(second.bodyAsString()).get(1)).startsWith("B-0003,");
  }

  @Test
  void theDatabaseHoldsOnlyHashesOfTheTokens() throws Exception {
    String eventId = newEvent();
    List<String> lines = csvLines(organizer.post("/api/events/" + eventId + "/slips",
        new JsonObject().put("category", "A").put("format", "csv").put("count", 5)).bodyAsString());
    String token = lines.get(1).substring(lines.get(1).lastIndexOf('/') + 1);

    var db = server.database();
    try (var c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         var rs = c.createStatement().executeQuery("SELECT * FROM slips")) {
      int columns = rs.getMetaData().getColumnCount();
      boolean hashFound = false;
      while (rs.next()) {
        for (int i = 1; i <= columns; i++) assertThat(String.valueOf(rs.getObject(i))).doesNotContain(token);
        hashFound |= Arrays.equals(rs.getBytes("token_sha256"), StoredSecrets.hash(token));
      }
      assertThat(hashFound).isTrue();
    }
  }

  @Test
  void countsPerCategoryFollowIssuingAndVoiding() {
    String eventId = newEvent();
    organizer.post("/api/events/" + eventId + "/slips", new JsonObject().put("category", "A").put("format", "csv").put("count", 4));

    var voided = organizer.post("/api/events/" + eventId + "/slips/A-0002/void", null);

    assertThat(voided.statusCode()).isEqualTo(200);
    JsonArray counts = organizer.get("/api/events/" + eventId + "/slips/counts").bodyAsJsonArray();
    assertThat(counts.getJsonObject(0)).isEqualTo(new JsonObject().put("category", "A").put("issued", 4)
        .put("unused", 3).put("used", 0).put("void", 1).put("unreturned", 0));
    assertThat(counts.getJsonObject(1).getInteger("issued")).isZero();
  }

  @Test
  void issuingBeyondTheCategorysExpectedNeedsAReasonWhichTheAuditLogKeeps() {
    String eventId = newEvent();
    String path = "/api/events/" + eventId + "/slips";
    // Category A expects 10: ten slips, one voided, leave room for exactly one more.
    organizer.post(path, new JsonObject().put("category", "A").put("format", "csv").put("count", 10));
    organizer.post(path + "/A-0003/void", null);
    assertThat(organizer.post(path, new JsonObject().put("category", "A").put("format", "csv").put("count", 1))
        .statusCode()).isEqualTo(200);

    var refused = organizer.post(path, new JsonObject().put("category", "A").put("format", "csv").put("count", 2));
    var blank = organizer.post(path, new JsonObject().put("category", "A").put("format", "csv").put("count", 2)
        .put("reason", "  "));
    var allowed = organizer.post(path, new JsonObject().put("category", "A").put("format", "csv").put("count", 2)
        .put("reason", "两张票签被填错，补发"));

    for (var r : List.of(refused, blank)) {
      assertThat(r.statusCode()).isEqualTo(409);
      assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("over_expected");
      assertThat(r.bodyAsJsonObject().getString("message")).contains("应到 10 人", "已发出 10 张", "超出应到人数 2 张");
      assertThat(r.bodyAsJsonObject().getJsonObject("fields").containsKey("reason")).isTrue();
    }
    assertThat(allowed.statusCode()).isEqualTo(200);
    JsonObject issued = server.api().asAdmin().get("/api/audit?eventId=" + eventId).bodyAsJsonArray().stream()
        .map(e -> (JsonObject) e).filter(e -> e.getJsonObject("details").containsKey("reason")).findFirst().orElseThrow()
        .getJsonObject("details");
    assertThat(issued.getString("reason")).isEqualTo("两张票签被填错，补发");
    assertThat(issued.getLong("beyondExpected")).isEqualTo(2);
  }

  @Test
  void voidingTwiceOrAnUnknownSerialSaysWhy() {
    String eventId = newEvent();
    organizer.post("/api/events/" + eventId + "/slips", new JsonObject().put("category", "A").put("format", "csv").put("count", 1));
    organizer.post("/api/events/" + eventId + "/slips/A-0001/void", null);

    var again = organizer.post("/api/events/" + eventId + "/slips/A-0001/void", null);
    var unknown = organizer.post("/api/events/" + eventId + "/slips/A-9999/void", null);

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.bodyAsJsonObject().getString("error")).isEqualTo("slip_not_voidable");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.bodyAsJsonObject().getString("error")).isEqualTo("slip_not_found");
  }

  @Test
  void anUnknownCategoryOrABadCountIs400() {
    String eventId = newEvent();

    var category = organizer.post("/api/events/" + eventId + "/slips", new JsonObject().put("category", "Z").put("format", "csv").put("count", 1));
    var count = organizer.post("/api/events/" + eventId + "/slips", new JsonObject().put("category", "A").put("format", "csv").put("count", 0));

    assertThat(category.statusCode()).isEqualTo(400);
    assertThat(category.bodyAsJsonObject().getJsonObject("fields").getString("category")).isNotBlank();
    assertThat(count.statusCode()).isEqualTo(400);
    assertThat(count.bodyAsJsonObject().getJsonObject("fields").getString("count")).isNotBlank();
  }

  @Test
  void aClosedEventIssuesNoSlips() {
    String eventId = Fixtures.readyEvent(organizer, "已结束").getString("eventId");
    organizer.post("/api/events/" + eventId + "/open", null);
    organizer.post("/api/events/" + eventId + "/close", null);

    var refused = organizer.post("/api/events/" + eventId + "/slips", new JsonObject().put("category", "A").put("format", "csv").put("count", 1));

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("event_not_issuing");
  }

  @Test
  void aCategoryWithSlipsCannotBeRemovedButCanBeRenamed() {
    String eventId = newEvent();
    organizer.post("/api/events/" + eventId + "/slips", new JsonObject().put("category", "A").put("format", "csv").put("count", 1));
    JsonObject onlyB = Fixtures.event("票签").put("categories", new JsonArray()
        .add(new JsonObject().put("code", "B").put("name", "干部职工代表")));
    JsonObject renamedA = Fixtures.event("票签");
    renamedA.getJsonArray("categories").getJsonObject(0).put("name", "班子成员（改）");

    var removed = organizer.put("/api/events/" + eventId, onlyB);
    var renamed = organizer.put("/api/events/" + eventId, renamedA);

    assertThat(removed.statusCode()).isEqualTo(409);
    assertThat(removed.bodyAsJsonObject().getString("error")).isEqualTo("category_has_slips");
    assertThat(renamed.statusCode()).isEqualTo(200);
    assertThat(renamed.bodyAsJsonObject().getJsonArray("categories").getJsonObject(0).getString("name"))
        .isEqualTo("班子成员（改）");
  }

  private static String newEvent() {
    return organizer.post("/api/events", Fixtures.event("票签")).bodyAsJsonObject().getString("id");
  }

  private static List<String> csvLines(String csv) {
    return Arrays.asList(csv.split("\r\n"));
  }
}
