package org.pingyi.formeditor;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.Fixtures;
import org.pingyi.support.ServerExtension;

/** Forms over HTTP: templates become editable forms, edits are validated and versioned, lists are pasted from Excel. */
class FormApiTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  private static Api organizer;

  @BeforeAll
  static void signIn() {
    organizer = server.api().asAdmin().newStaff("organizer", "organizer", "organizer-pass");
  }

  @Test
  void theFourOfficialTemplatesAreOffered() {
    JsonArray templates = organizer.get("/api/templates").bodyAsJsonArray();

    assertThat(templates.stream().map(t -> ((JsonObject) t).getString("id")))
        .containsExactly("cadre-work", "new-cadres", "recommendation", "assessment");
  }

  @Test
  void eachTemplateBecomesAFormOfTheEvent() {
    String eventId = newEvent();
    for (String template : new String[] {"cadre-work", "new-cadres", "recommendation", "assessment"}) {
      var created = organizer.post("/api/events/" + eventId + "/forms", new JsonObject().put("template", template));
      assertThat(created.statusCode()).as(template).isEqualTo(201);
      assertThat(created.bodyAsJsonObject().getJsonObject("definition").getString("template")).isEqualTo(template);
    }

    JsonArray summaries = organizer.get("/api/events/" + eventId).bodyAsJsonObject().getJsonArray("forms");
    assertThat(summaries).hasSize(4);
    assertThat(organizer.get("/api/events/" + eventId + "/forms").bodyAsJsonArray()).hasSize(4);
  }

  @Test
  void anUnknownTemplateIs400() {
    var refused = organizer.post("/api/events/" + newEvent() + "/forms", new JsonObject().put("template", "nope"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.bodyAsJsonObject().getJsonObject("fields").getString("template")).contains("nope");
  }

  @Test
  void pastingThreeCadresFillsTheMatrixRows() {
    JsonObject form = newForm("new-cadres");

    var pasted = organizer.post("/api/forms/" + form.getString("id") + "/paste",
        new JsonObject().put("questionId", "cadres").put("tsv", Fixtures.THREE_CADRES.replace("\n", "\r\n")));

    assertThat(pasted.statusCode()).as(pasted.bodyAsString()).isEqualTo(200);
    JsonArray rows = matrix(pasted.bodyAsJsonObject()).getJsonArray("rows");
    assertThat(rows).hasSize(3);
    assertThat(rows.getJsonObject(0).getString("label")).isEqualTo("张三");
    assertThat(rows.getJsonObject(0).getJsonObject("attributes").getString("currentPost")).isEqualTo("办公室主任");
    assertThat(rows.getJsonObject(2).getJsonObject("attributes").getString("appointedOn")).isEqualTo("2025.09");
    assertThat(pasted.bodyAsJsonObject().getInteger("version")).isEqualTo(form.getInteger("version") + 1);
  }

  @Test
  void pastingCandidatesFillsAPosition() {
    JsonObject form = newForm("recommendation");
    String positionId = form.getJsonObject("definition").getJsonArray("sections").getJsonObject(0)
        .getJsonArray("questions").getJsonObject(0).getJsonArray("positions").getJsonObject(0).getString("id");

    var pasted = organizer.post("/api/forms/" + form.getString("id") + "/paste", new JsonObject()
        .put("questionId", "rec").put("positionId", positionId)
        .put("tsv", "赵一\t男\t1980.01\t科长\n钱二\t女\t1982.05\t副科长\n"));

    assertThat(pasted.statusCode()).as(pasted.bodyAsString()).isEqualTo(200);
    JsonArray candidates = pasted.bodyAsJsonObject().getJsonObject("definition").getJsonArray("sections")
        .getJsonObject(0).getJsonArray("questions").getJsonObject(0).getJsonArray("positions").getJsonObject(0)
        .getJsonArray("candidates");
    assertThat(candidates).hasSize(2);
    assertThat(candidates.getJsonObject(1).getString("gender")).isEqualTo("女");
  }

  @Test
  void pastingAssessedPeopleMakesOneSectionEach() {
    JsonObject form = newForm("assessment");

    var pasted = organizer.post("/api/forms/" + form.getString("id") + "/paste",
        new JsonObject().put("target", "subjects").put("tsv", "姓名\t职务\n周局长\t局长\n吴副局长\t副局长"));

    assertThat(pasted.statusCode()).as(pasted.bodyAsString()).isEqualTo(200);
    JsonArray sections = pasted.bodyAsJsonObject().getJsonObject("definition").getJsonArray("sections");
    assertThat(sections).hasSize(2);
    assertThat(sections.getJsonObject(1).getJsonObject("subject").getString("name")).isEqualTo("吴副局长");
  }

  @Test
  void aBadPasteIs400AndChangesNothing() {
    JsonObject form = newForm("new-cadres");

    var refused = organizer.post("/api/forms/" + form.getString("id") + "/paste",
        new JsonObject().put("questionId", "cadres").put("tsv", "姓名\t原任职务\n\t科员"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.bodyAsJsonObject().getJsonObject("fields").getString("tsv")).contains("第2行");
    assertThat(organizer.get("/api/forms/" + form.getString("id")).bodyAsJsonObject().getInteger("version"))
        .isEqualTo(form.getInteger("version"));
  }

  @Test
  void anInvalidDefinitionIs400NamingThePath() {
    JsonObject form = newForm("cadre-work");
    JsonObject definition = form.getJsonObject("definition");
    definition.getJsonArray("sections").getJsonObject(0).getJsonArray("questions").getJsonObject(0)
        .put("options", "not a list");

    var refused = organizer.put("/api/forms/" + form.getString("id"),
        new JsonObject().put("version", form.getInteger("version")).put("definition", definition));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.bodyAsJsonObject().getJsonObject("fields").fieldNames())
        .contains("definition.sections[0].questions[0].options");
  }

  @Test
  void aDuplicateQuestionIdIsAFieldError() {
    JsonObject form = newForm("cadre-work");
    JsonObject definition = form.getJsonObject("definition");
    JsonArray questions = definition.getJsonArray("sections").getJsonObject(0).getJsonArray("questions");
    questions.getJsonObject(1).put("id", questions.getJsonObject(0).getString("id"));

    var refused = organizer.put("/api/forms/" + form.getString("id"),
        new JsonObject().put("version", form.getInteger("version")).put("definition", definition));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.bodyAsJsonObject().getJsonObject("fields").fieldNames())
        .anyMatch(path -> path.startsWith("definition.sections[0].questions[1]"));
  }

  @Test
  void aStaleVersionIsAConflictAndTheNewerEditSurvives() {
    JsonObject form = newForm("cadre-work");
    JsonObject definition = form.getJsonObject("definition");
    int version = form.getInteger("version");

    var first = organizer.put("/api/forms/" + form.getString("id"),
        new JsonObject().put("version", version).put("definition", definition.copy().put("title", "第一人的标题")));
    var second = organizer.put("/api/forms/" + form.getString("id"),
        new JsonObject().put("version", version).put("definition", definition.copy().put("title", "第二人的标题")));

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(second.bodyAsJsonObject().getString("error")).isEqualTo("form_version_conflict");
    assertThat(organizer.get("/api/forms/" + form.getString("id")).bodyAsJsonObject()
        .getJsonObject("definition").getString("title")).isEqualTo("第一人的标题");
  }

  @Test
  void aFormIsDeletedOnlyWhileTheEventIsADraft() {
    JsonObject form = newForm("cadre-work");

    assertThat(organizer.delete("/api/forms/" + form.getString("id")).statusCode()).isEqualTo(204);
    assertThat(organizer.get("/api/forms/" + form.getString("id")).statusCode()).isEqualTo(404);
  }

  @Test
  void aRecommendationWithoutMoreCandidatesThanSeatsCannotOpen() {
    JsonObject form = newForm("recommendation");
    String positionId = form.getJsonObject("definition").getJsonArray("sections").getJsonObject(0)
        .getJsonArray("questions").getJsonObject(0).getJsonArray("positions").getJsonObject(0).getString("id");
    organizer.post("/api/forms/" + form.getString("id") + "/paste", new JsonObject()
        .put("questionId", "rec").put("positionId", positionId).put("tsv", "赵一\t男\t1980.01\t科长"));

    var refused = organizer.post("/api/events/" + form.getString("eventId") + "/open", null);

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("forms_not_ready");
    assertThat(refused.bodyAsJsonObject().getJsonObject("fields").encode()).contains("差额");
  }

  private static String newEvent() {
    return organizer.post("/api/events", Fixtures.event("表单测试")).bodyAsJsonObject().getString("id");
  }

  private static JsonObject newForm(String template) {
    return organizer.post("/api/events/" + newEvent() + "/forms", new JsonObject().put("template", template))
        .bodyAsJsonObject();
  }

  private static JsonObject matrix(JsonObject form) {
    return form.getJsonObject("definition").getJsonArray("sections").getJsonObject(0)
        .getJsonArray("questions").getJsonObject(0);
  }
}
