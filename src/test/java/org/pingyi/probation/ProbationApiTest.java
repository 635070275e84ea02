package org.pingyi.probation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.Fixtures;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Voting;

/**
 * The register over HTTP: pasted, exported, each change audited; 发起试用期满考核 makes an event whose archive records
 * the tally's own figures in the register; the year's appointments prefill a 新提拔任用干部民主评议表.
 */
class ProbationApiTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  private static Api admin;
  private static Api organizer;
  private static Api clerk;

  @BeforeAll
  static void signIn() {
    admin = server.api().asAdmin();
    organizer = server.api().asAdmin().newStaff("organizer", "organizer", "organizer-pass");
    clerk = server.api().asAdmin().newStaff("clerk", "clerk", "clerk-password");
  }

  @Test
  void aPastedSheetIsAddedOnceAndEveryAdditionIsAudited() {
    JsonObject first = expect(organizer.post("/api/probation/paste", new JsonObject().put("tsv", Fixtures.PROBATION_REGISTER)), 200)
        .bodyAsJsonObject();
    JsonObject again = expect(organizer.post("/api/probation/paste", new JsonObject().put("tsv", Fixtures.PROBATION_REGISTER)), 200)
        .bodyAsJsonObject();

    assertThat(first).isEqualTo(new JsonObject().put("added", 3).put("skipped", 0));
    assertThat(again).isEqualTo(new JsonObject().put("added", 0).put("skipped", 3));
    JsonObject wang = byName(clerk.get("/api/probation/entries").bodyAsJsonArray(), "王五");
    assertThat(wang.getString("appointedOn")).isEqualTo("2025-09-01");
    assertThat(wang.getInteger("months")).isEqualTo(6);
    assertThat(wang.getString("endsOn")).isEqualTo("2026-03-01");
    List<JsonObject> audit = audit("probation.added");
    assertThat(audit).filteredOn(r -> r.getString("subject").equals("试用期干部 王五")).singleElement()
        .satisfies(r -> {
          assertThat(r.getString("actionName")).isEqualTo("登记试用期干部");
          assertThat(r.getString("summary")).isEqualTo("现任职务：科长；任职时间：2025-09-01；试用期 6 个月（粘贴导入）");
        });
  }

  @Test
  void fourPastesOfOneSheetAtOnceAddEachCadreOnce() throws Exception {
    String sheet = "姓名\t现任职务\t任职时间\n并发甲\t科长\t2025-05-01\n并发乙\t副科长\t2025-05-02";
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Integer>> added = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        added.add(pool.submit(() -> expect(organizer.post("/api/probation/paste", new JsonObject().put("tsv", sheet)), 200)
            .bodyAsJsonObject().getInteger("added")));
      }
      int total = 0;
      for (var one : added) total += one.get();
      assertThat(total).isEqualTo(2);
    } finally {
      pool.shutdown();
    }
    JsonArray entries = clerk.get("/api/probation/entries").bodyAsJsonArray();
    assertThat(entries.stream().map(e -> ((JsonObject) e).getString("name")).filter(n -> n.startsWith("并发")))
        .containsExactlyInAnyOrder("并发甲", "并发乙");
  }

  @Test
  void aBadDateIsA400NamingTheLineAndAnEntryCanBeCorrectedAndRemovedWithTheAuditSayingSo() {
    var refused = organizer.post("/api/probation/paste", new JsonObject().put("tsv", "姓名\t任职时间\n钱九\t2025年3月"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.bodyAsJsonObject().getJsonObject("fields").getString("tsv")).startsWith("第2行：任职时间");

    JsonObject added = expect(organizer.post("/api/probation/entries", entry("钱九", "2025-04-01")), 201).bodyAsJsonObject();
    String path = "/api/probation/entries/" + added.getString("id");
    JsonObject edited = expect(organizer.put(path, entry("钱九", "2025-04-02").put("months", 24)), 200).bodyAsJsonObject();
    expect(organizer.delete(path), 204);

    assertThat(edited.getString("endsOn")).isEqualTo("2027-04-02");
    assertThat(clerk.put(path, entry("钱九", "2025-04-02")).statusCode()).isEqualTo(403);
    assertThat(organizer.delete(path).bodyAsJsonObject().getString("error")).isEqualTo("probation_entry_not_found");
    assertThat(audit("probation.edited")).anyMatch(r -> r.getString("summary").contains("试用期 24 个月"));
    assertThat(audit("probation.removed")).anyMatch(r -> r.getString("subject").equals("试用期干部 钱九"));
  }

  @Test
  void anAssessmentStartedFromTheRegisterRecordsTheTallysFiguresWhenItsEventIsArchived() {
    String liu = expect(organizer.post("/api/probation/entries", entry("刘一", "2025-01-10")), 201).bodyAsJsonObject().getString("id");
    String chen = expect(organizer.post("/api/probation/entries", entry("陈二", "2025-01-20")), 201).bodyAsJsonObject().getString("id");

    JsonObject started = expect(organizer.post("/api/probation/assessments",
        new JsonObject().put("entryIds", new JsonArray().add(liu).add(chen))), 201).bodyAsJsonObject();
    String event = "/api/events/" + started.getString("eventId");
    JsonObject form = organizer.get("/api/forms/" + started.getString("formId")).bodyAsJsonObject();
    assertThat(form.getJsonObject("definition").getString("template")).isEqualTo("assessment");
    assertThat(subjects(form)).containsExactly("刘一 副科长", "陈二 副科长");
    assertThat(byId(organizer.get("/api/probation/entries").bodyAsJsonArray(), liu).getJsonObject("assessment")
        .getString("eventStatus")).isEqualTo("draft");

    // The meeting: details completed in the console, five ballots (刘一 2 优秀, 2 称职, 1 不称职; 陈二 3 称职, 2 基本称职).
    expect(organizer.put(event, Fixtures.event("刘一等2名同志试用期满考核民主测评")), 200);
    expect(organizer.post(event + "/open", null), 200);
    List<String> slips = slips(started.getString("eventId"), "B", 5);
    List<String> liuGrades = List.of("excellent", "excellent", "competent", "competent", "incompetent");
    List<String> chenGrades = List.of("competent", "competent", "competent", "basic", "basic");
    for (int i = 0; i < 5; i++) {
      JsonObject answers = new JsonObject().put(started.getString("formId"),
          grades("p1", liuGrades.get(i)).mergeIn(grades("p2", chenGrades.get(i))));
      expect(server.api().post("/api/v/" + slips.get(i), Voting.ballot(Voting.newNonce(), answers)), 201);
    }
    expect(organizer.post(event + "/close", null), 200);
    assertThat(byId(organizer.get("/api/probation/entries").bodyAsJsonArray(), liu).getJsonObject("assessment")
        .getString("excellentRate")).as("nothing is recorded before the archive").isNull();
    expect(organizer.post(event + "/archive", null), 200);

    JsonObject liuResult = byId(clerk.get("/api/probation/entries").bodyAsJsonArray(), liu);
    JsonObject chenResult = byId(clerk.get("/api/probation/entries").bodyAsJsonArray(), chen);
    assertThat(liuResult.getString("state")).isEqualTo("done");
    assertThat(liuResult.getJsonObject("assessment").getMap()).containsAllEntriesOf(Map.of(
        "excellentRate", "40.00", "competentOrBetterRate", "80.00", "incompetentShare", "20.00",
        "assessedOn", "2026-12-01", "eventStatus", "archived", "eventTitle", "刘一等2名同志试用期满考核民主测评"));
    assertThat(chenResult.getJsonObject("assessment").getMap()).containsAllEntriesOf(Map.of(
        "excellentRate", "0.00", "competentOrBetterRate", "60.00", "incompetentShare", "0.00"));
    // The very figures of the tally the summary tables print, not a second computation of them.
    JsonObject overall = overallOf(organizer.get(event + "/tally").bodyAsJsonObject(), "p1");
    assertThat(decimal(overall.getValue("excellentRate"))).isEqualByComparingTo("40.00");
    assertThat(decimal(overall.getValue("competentOrBetterRate"))).isEqualByComparingTo("80.00");
    assertThat(decimal(overall.getJsonArray("options").getJsonObject(3).getValue("percent"))).isEqualByComparingTo("20.00");

    JsonObject due = clerk.get("/api/probation/due").bodyAsJsonObject();
    assertThat(due.getJsonArray("done").stream().map(JsonObject.class::cast).map(e -> e.getString("name")))
        .contains("刘一", "陈二");
    assertThat(audit("probation.assessed")).anyMatch(r -> r.getString("summary")
        .equals("优秀率 40.00%，称职以上率 80.00%，不称职占比 20.00%；考核日期 2026-12-01"));
    assertThat(audit("probation.assessment_started")).hasSizeGreaterThanOrEqualTo(2);

    var twice = organizer.post("/api/probation/assessments", new JsonObject().put("entryIds", new JsonArray().add(liu)));
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(twice.bodyAsJsonObject().getString("error")).isEqualTo("probation_assessment_started");
    assertThat(organizer.delete("/api/probation/entries/" + liu).statusCode()).isEqualTo(409);
  }

  @Test
  void theDueListCountsOverdueCadresOnTodaysDateInChina() {
    LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
    expect(organizer.post("/api/probation/entries", entry("吴逾期", today.minusYears(1).minusDays(3).toString())), 201);
    expect(organizer.post("/api/probation/entries", entry("郑将满", today.minusYears(1).plusDays(10).toString())), 201);

    JsonObject due = clerk.get("/api/probation/due").bodyAsJsonObject();

    assertThat(due.getString("today")).isEqualTo(today.toString());
    assertThat(names(due.getJsonArray("overdue"))).contains("吴逾期").doesNotContain("郑将满");
    assertThat(names(due.getJsonArray("due"))).contains("郑将满");
    assertThat(due.getInteger("overdueCount")).isEqualTo(due.getJsonArray("overdue").size());
  }

  @Test
  void theYearsAppointmentsPrefillANewCadresFormAndAYearWithoutAnyIsA409() {
    expect(organizer.post("/api/probation/entries", entry("冯二〇二四", "2024-07-01")), 201);
    expect(organizer.post("/api/probation/entries", entry("褚二〇二四", "2024-03-05")), 201);
    String eventId = organizer.post("/api/events", Fixtures.event("2024年度一报告两评议")).bodyAsJsonObject().getString("id");

    JsonObject form = expect(organizer.post("/api/events/" + eventId + "/probation-cadres", new JsonObject().put("year", 2024)), 201)
        .bodyAsJsonObject();
    var none = organizer.post("/api/events/" + eventId + "/probation-cadres", new JsonObject().put("year", 2019));

    JsonObject matrix = form.getJsonObject("definition").getJsonArray("sections").getJsonObject(0).getJsonArray("questions")
        .getJsonObject(0);
    assertThat(form.getJsonObject("definition").getString("template")).isEqualTo("new-cadres");
    assertThat(matrix.getJsonArray("rows").stream().map(JsonObject.class::cast)
        .map(r -> r.getString("label") + " " + r.getJsonObject("attributes").getString("appointedOn")))
        .containsExactly("褚二〇二四 2024-03-05", "冯二〇二四 2024-07-01");
    assertThat(none.statusCode()).isEqualTo(409);
    assertThat(none.bodyAsJsonObject().getString("error")).isEqualTo("no_appointments");
  }

  @Test
  void theRegisterDownloadsAsAWorkbookEveryStaffMemberMayRead() throws IOException {
    expect(organizer.post("/api/probation/entries", entry("卫导出", "2025-05-05")), 201);

    HttpResponse<Buffer> file = expect(clerk.get("/api/probation/register.xlsx"), 200);

    assertThat(file.getHeader("Content-Disposition")).contains("filename*=UTF-8''" + "%E8%AF%95%E7%94%A8%E6%9C%9F");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body().getBytes()))) {
      XSSFSheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("姓名");
      boolean found = false;
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        if (!"卫导出".equals(sheet.getRow(r).getCell(1).getStringCellValue())) continue;
        found = true;
        assertThat(sheet.getRow(r).getCell(5).getStringCellValue()).isEqualTo("2025-05-05");
        assertThat(sheet.getRow(r).getCell(7).getStringCellValue()).isEqualTo("2026-05-05");
      }
      assertThat(found).isTrue();
    }
  }

  private static java.math.BigDecimal decimal(Object number) {
    return new java.math.BigDecimal(number.toString());
  }

  private static JsonObject entry(String name, String appointedOn) {
    return new JsonObject().put("name", name).put("formerPost", "科员").put("currentPost", "副科长")
        .put("unit", "县财政局").put("appointedOn", appointedOn);
  }

  private static JsonObject grades(String person, String overall) {
    JsonObject rows = new JsonObject();
    for (String item : List.of("de", "neng", "qin", "ji", "lian")) rows.put(item, new JsonObject().put("option", "fair"));
    return new JsonObject().put(person + "-rows", rows).put(person + "-overall", overall);
  }

  private static List<String> slips(String eventId, String category, int count) {
    var issued = expect(organizer.post("/api/events/" + eventId + "/slips", new JsonObject().put("category", category)
        .put("format", "csv").put("count", count).put("reason", "测试")), 200);
    return Arrays.stream(issued.bodyAsString().split("\r\n")).skip(1)
        .map(line -> line.substring(line.lastIndexOf('/') + 1)).toList();
  }

  private static JsonObject overallOf(JsonObject tally, String section) {
    JsonObject form = tally.getJsonArray("forms").getJsonObject(0);
    return form.getJsonArray("sections").stream().map(JsonObject.class::cast).filter(s -> s.getString("id").equals(section))
        .findFirst().orElseThrow().getJsonArray("questions").getJsonObject(1);
  }

  private static List<String> subjects(JsonObject form) {
    return form.getJsonObject("definition").getJsonArray("sections").stream().map(JsonObject.class::cast)
        .map(s -> s.getJsonObject("subject").getString("name") + " " + s.getJsonObject("subject").getString("post")).toList();
  }

  private static List<JsonObject> audit(String action) {
    return admin.get("/api/audit?limit=200").bodyAsJsonArray().stream().map(JsonObject.class::cast)
        .filter(r -> action.equals(r.getString("action"))).collect(Collectors.toList());
  }

  private static List<String> names(JsonArray entries) {
    return entries.stream().map(JsonObject.class::cast).map(e -> e.getString("name")).toList();
  }

  private static JsonObject byName(JsonArray entries, String name) {
    return entries.stream().map(JsonObject.class::cast).filter(e -> e.getString("name").equals(name)).findFirst().orElseThrow();
  }

  private static JsonObject byId(JsonArray entries, String id) {
    return entries.stream().map(JsonObject.class::cast).filter(e -> e.getString("id").equals(id)).findFirst().orElseThrow();
  }

  private static HttpResponse<Buffer> expect(HttpResponse<Buffer> response, int status) {
    if (response.statusCode() != status) {
      throw new AssertionError("expected " + status + " but got " + response.statusCode() + ": " + response.bodyAsString());
    }
    return response;
  }
}
