package org.pingyi.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.Fixtures;
import org.pingyi.support.ServerExtension;

/** draft → open → closed → archived: every legal step works once, every illegal one is a 409 that says why. */
class EventLifecycleTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  private static Api organizer;

  @BeforeAll
  static void signIn() {
    organizer = server.api().asAdmin().newStaff("organizer", "organizer", "organizer-pass");
  }

  @Test
  void anEventIsCreatedAsADraftWithEverythingTheOrganizerFilledIn() {
    var created = organizer.post("/api/events", Fixtures.event("2026年度一报告两评议"));

    assertThat(created.statusCode()).isEqualTo(201);
    JsonObject event = created.bodyAsJsonObject();
    assertThat(event.getString("status")).isEqualTo("draft");
    assertThat(event.getString("title")).isEqualTo("2026年度一报告两评议");
    assertThat(event.getString("date")).isEqualTo("2026-12-01");
    assertThat(event.getInteger("expectedAttendance")).isEqualTo(60);
    assertThat(event.getJsonArray("categories").getJsonObject(1))
        .isEqualTo(new JsonObject().put("code", "B").put("name", "干部职工代表").put("expected", 50).put("weight", 70.0));
    assertThat(event.getJsonObject("responsible").getString("title")).isEqualTo("主持人");
    assertThat(organizer.get("/api/events").bodyAsJsonArray().stream()
        .map(e -> ((JsonObject) e).getString("id"))).contains(event.getString("id"));
  }

  @Test
  void theWholeLifecycleInOrder() {
    JsonObject ids = Fixtures.readyEvent(organizer, "全流程");
    String event = "/api/events/" + ids.getString("eventId");

    assertStatus(organizer.post(event + "/open", null).bodyAsJsonObject(), "open");
    assertStatus(organizer.post(event + "/close", null).bodyAsJsonObject(), "closed");
    assertStatus(organizer.post(event + "/archive", null).bodyAsJsonObject(), "archived");
  }

  @Test
  void openingFreezesEveryFormWithItsHash() {
    JsonObject ids = Fixtures.readyEvent(organizer, "冻结表单");

    organizer.post("/api/events/" + ids.getString("eventId") + "/open", null);

    JsonObject form = organizer.get("/api/forms/" + ids.getString("formId")).bodyAsJsonObject();
    assertThat(form.getBoolean("frozen")).isTrue();
    assertThat(form.getString("sha256")).matches("[0-9a-f]{64}");
    var edit = organizer.put("/api/forms/" + ids.getString("formId"),
        new JsonObject().put("version", form.getInteger("version")).put("definition", form.getJsonObject("definition")));
    assertThat(edit.statusCode()).isEqualTo(409);
    assertThat(edit.bodyAsJsonObject().getString("error")).isEqualTo("form_frozen");
  }

  @Test
  void illegalStepsFromADraftAre409() {
    String event = "/api/events/" + organizer.post("/api/events", Fixtures.event("草稿")).bodyAsJsonObject().getString("id");

    assertConflict(organizer.post(event + "/close", null), "illegal_transition");
    assertConflict(organizer.post(event + "/archive", null), "illegal_transition");
  }

  @Test
  void illegalStepsFromOpenClosedAndArchivedAre409() {
    String event = "/api/events/" + Fixtures.readyEvent(organizer, "非法步骤").getString("eventId");
    organizer.post(event + "/open", null);
    assertConflict(organizer.post(event + "/open", null), "illegal_transition");
    assertConflict(organizer.post(event + "/archive", null), "illegal_transition");

    organizer.post(event + "/close", null);
    assertConflict(organizer.post(event + "/open", null), "illegal_transition");
    assertConflict(organizer.post(event + "/close", null), "illegal_transition");

    organizer.post(event + "/archive", null);
    for (String step : new String[] {"/open", "/close", "/archive"}) {
      assertConflict(organizer.post(event + step, null), "illegal_transition");
    }
  }

  @Test
  void anEventWithoutFormsOrCategoriesCannotOpen() {
    String noForms = organizer.post("/api/events", Fixtures.event("无表单")).bodyAsJsonObject().getString("id");
    JsonObject noCategoriesBody = Fixtures.event("无类别").put("categories", new JsonArray());
    String noCategories = organizer.post("/api/events", noCategoriesBody).bodyAsJsonObject().getString("id");

    assertConflict(organizer.post("/api/events/" + noForms + "/open", null), "event_not_ready");
    assertConflict(organizer.post("/api/events/" + noCategories + "/open", null), "event_not_ready");
    assertStatus(organizer.get("/api/events/" + noForms).bodyAsJsonObject(), "draft");
  }

  @Test
  void aFormThatCannotBeFrozenKeepsTheEventADraftAndSaysWhy() {
    String eventId = organizer.post("/api/events", Fixtures.event("空名单")).bodyAsJsonObject().getString("id");
    organizer.post("/api/events/" + eventId + "/forms", new JsonObject().put("template", "new-cadres"));

    var response = organizer.post("/api/events/" + eventId + "/open", null);

    JsonObject refused = assertConflict(response, "forms_not_ready");
    assertThat(refused.getJsonObject("fields").fieldNames()).allMatch(path -> path.startsWith("forms[0]."));
    assertStatus(organizer.get("/api/events/" + eventId).bodyAsJsonObject(), "draft");
  }

  @Test
  void afterOpeningTheNamesCanBeCompletedButNotTheCategories() {
    String event = "/api/events/" + Fixtures.readyEvent(organizer, "开始后编辑").getString("eventId");
    organizer.post(event + "/open", null);

    var names = organizer.put(event, Fixtures.event("开始后编辑").put("supervisors", new JsonArray().add("钱监票").add("李监票")));
    var categories = organizer.put(event, Fixtures.event("开始后编辑").put("categories", new JsonArray()
        .add(new JsonObject().put("code", "C").put("name", "新类别"))));

    assertThat(names.statusCode()).isEqualTo(200);
    assertThat(names.bodyAsJsonObject().getJsonArray("supervisors")).hasSize(2);
    assertConflict(categories, "categories_locked");
  }

  @Test
  void anArchivedEventCannotBeEdited() {
    String event = "/api/events/" + Fixtures.readyEvent(organizer, "归档").getString("eventId");
    organizer.post(event + "/open", null);
    organizer.post(event + "/close", null);
    organizer.post(event + "/archive", null);

    assertConflict(organizer.put(event, Fixtures.event("改名")), "event_archived");
  }

  private static void assertStatus(JsonObject event, String status) {
    assertThat(event.getString("status")).as(event.encode()).isEqualTo(status);
  }

  private static JsonObject assertConflict(HttpResponse<Buffer> response, String code) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(409);
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getString("error")).isEqualTo(code);
    assertThat(body.getString("message")).isNotBlank();
    return body;
  }
}
