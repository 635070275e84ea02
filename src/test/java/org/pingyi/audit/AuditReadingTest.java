package org.pingyi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.crypto.StoredSecrets;
import org.pingyi.support.Api;
import org.pingyi.support.CsvReader;
import org.pingyi.support.Db;
import org.pingyi.support.Fixtures;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Voting;

/**
 * Issue 12 item 10: an admin reads the log in words (Chinese actions, names and titles, no JSON), narrows it to one
 * event or one person, and takes it away as a CSV that Excel opens as text; paper entries still name only a serial.
 */
class AuditReadingTest {
  private static final String FORMULA_TITLE = "=HYPERLINK(\"http://evil.example\",\"点我\")";

  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  private static Api admin;
  private static Api organizer;
  private static String organizerId;
  private static String formulaEvent;
  private static Voting voting;
  private static String paperSerial;

  @BeforeAll
  static void somethingHappens() {
    admin = server.api().asAdmin();
    organizer = admin.newStaff("li.organizer", "organizer", "organizer-pass-1");
    organizerId = organizer.get("/api/auth/me").bodyAsJsonObject().getString("id");
    formulaEvent = organizer.post("/api/events", Fixtures.event(FORMULA_TITLE)).bodyAsJsonObject().getString("id");
    admin.post("/api/events", Fixtures.event("管理员建的活动"));
    server.api().post("/api/auth/login", new JsonObject().put("username", "-2+3").put("password", "wrong-password"));
    voting = Voting.open(organizer, "纸质票审计");
    paperSerial = enterPaperBallotTwice();
  }

  @Test
  void rowsCarryChineseActionNamesAndTitlesAndNamesAndDetailsInWords() {
    JsonObject created = rows("?eventId=" + formulaEvent).stream()
        .filter(r -> r.getString("action").equals("event.created")).findFirst().orElseThrow();
    assertThat(created.getString("actionName")).isEqualTo("创建活动");
    assertThat(created.getString("eventTitle")).isEqualTo(FORMULA_TITLE);
    assertThat(created.getString("subject")).isEqualTo("活动《" + FORMULA_TITLE + "》");
    assertThat(created.getString("actorName")).isEqualTo("li.organizer（li.organizer）");

    JsonObject account = rows("?limit=200&actorId=" + adminId()).stream()
        .filter(r -> r.getString("action").equals("account.created") && organizerId.equals(r.getString("objectId")))
        .findFirst().orElseThrow();
    assertThat(account.getString("subject")).isEqualTo("账户 li.organizer（li.organizer）");
    assertThat(account.getString("summary")).isEqualTo("用户名 li.organizer，角色：组织者");
    for (JsonObject row : rows("?limit=200")) {
      assertThat(row.getString("actionName")).as(row.getString("action")).doesNotContain(".");
      assertThat(row.getString("summary")).as(row.getString("action")).doesNotContain("{\"", "\":");
    }
  }

  @Test
  void theLogNarrowsToOnePersonOrOneEvent() {
    List<JsonObject> byOrganizer = rows("?limit=200&actorId=" + organizerId);
    List<JsonObject> ofEvent = rows("?limit=200&eventId=" + formulaEvent);

    assertThat(byOrganizer).isNotEmpty().allMatch(r -> organizerId.equals(r.getString("actorId")));
    assertThat(byOrganizer).extracting(r -> r.getString("action")).contains("event.created", "slips.issued")
        .doesNotContain("account.created");
    assertThat(ofEvent).isNotEmpty().allMatch(r -> formulaEvent.equals(r.getString("eventId")));
    assertThat(rows("?limit=200&eventId=" + formulaEvent + "&actorId=" + adminId())).isEmpty();
    assertThat(admin.get("/api/audit?actorId=not-a-uuid").statusCode()).isEqualTo(400);
  }

  @Test
  void theCsvIsUtf8WithABomInWordsAndNoCellCanRunAsAFormula() {
    HttpResponse<Buffer> file = admin.get("/api/audit.csv");

    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.getHeader("Content-Type")).startsWith("text/csv");
    assertThat(file.getHeader("Content-Disposition")).contains("filename*=UTF-8''" + "%E5%AE%A1%E8%AE%A1");
    byte[] bytes = file.body().getBytes();
    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    List<List<String>> records = CsvReader.read(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
    assertThat(records.get(0)).containsExactly("编号", "时间（北京时间）", "操作人", "操作", "对象", "活动", "详情");
    assertThat(records).hasSize(rows("?limit=200").size() + 1);

    List<String> formula = records.stream().filter(r -> r.get(3).equals("创建活动") && r.get(5).contains("HYPERLINK"))
        .findFirst().orElseThrow();
    assertThat(formula.get(5)).isEqualTo("'" + FORMULA_TITLE);
    assertThat(formula.get(4)).startsWith("活动《=HYPERLINK");
    assertThat(formula.get(1)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    List<String> failed = records.stream().filter(r -> r.get(3).equals("登录失败")).findFirst().orElseThrow();
    assertThat(failed.get(2)).isEqualTo("'-2+3");
    assertThat(failed.get(6)).isEqualTo("输入的用户名：-2+3");
    assertThat(records.stream().flatMap(List::stream)).noneMatch(cell -> !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0);
  }

  @Test
  void theCsvKeepsTheFiltersOfTheView() {
    String text = admin.get("/api/audit.csv?actorId=" + organizerId).bodyAsString(StandardCharsets.UTF_8.name());
    List<List<String>> records = CsvReader.read(text.substring(1));

    assertThat(records).hasSize(rows("?limit=200&actorId=" + organizerId).size() + 1);
    assertThat(records.subList(1, records.size())).allMatch(r -> r.get(2).equals("li.organizer（li.organizer）"));
  }

  @Test
  void paperEntryRowsNameTheSlipAndNothingOfItsBallot() {
    List<JsonObject> paper = rows("?limit=200&eventId=" + voting.eventId).stream()
        .filter(r -> r.getString("action").startsWith("paper.")).toList();

    assertThat(paper).extracting(r -> r.getString("action"))
        .containsExactlyInAnyOrder("paper.entered", "paper.entered", "paper.counted");
    for (JsonObject row : paper) {
      assertThat(row.getJsonObject("details").isEmpty()).isTrue();
      assertThat(row.getString("summary")).isEmpty();
      assertThat(row.getString("subject")).isEqualTo("票签 " + paperSerial);
      assertThat(row.fieldNames()).isEqualTo(Set.of("id", "at", "actorId", "actorName", "action", "actionName",
          "objectType", "objectId", "subject", "eventId", "eventTitle", "details", "summary"));
    }
  }

  private static String enterPaperBallotTwice() {
    Api clerk1 = admin.newStaff("clerk-one", "clerk", "clerk-one-pass");
    Api clerk2 = admin.newStaff("clerk-two", "clerk", "clerk-two-pass");
    String token = voting.slips(organizer, "B", 1).get(0);
    String serial = new Db(server.database())
        .strings("SELECT serial FROM slips WHERE token_sha256 = ?", StoredSecrets.hash(token)).get(0);
    for (Api clerk : List.of(clerk1, clerk2)) {
      var entered = clerk.post("/api/events/" + voting.eventId + "/paper-ballots",
          new JsonObject().put("serial", serial).put("answers", voting.validAnswers()));
      assertThat(entered.statusCode()).as(entered.bodyAsString()).isIn(201, 202);
    }
    return serial;
  }

  private static String adminId() {
    return admin.get("/api/auth/me").bodyAsJsonObject().getString("id");
  }

  private static List<JsonObject> rows(String query) {
    return admin.get("/api/audit" + query).bodyAsJsonArray().stream().map(JsonObject.class::cast).toList();
  }
}
