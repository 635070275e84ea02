package org.pingyi.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pingyi.formeditor.FormTemplates;

class FormJsonTest {

  @ParameterizedTest
  @ValueSource(strings = {"cadre-work", "new-cadres", "recommendation", "assessment"})
  void everyTemplateSurvivesARoundTrip(String id) {
    FormDefinition form = FormTemplates.create(id).orElseThrow();

    assertThat(FormJson.parse(FormJson.toJson(form))).isEqualTo(form);
  }

  @Test
  void aFormWithRowsCandidatesWeightsAndApproveOptionsSurvivesARoundTrip() {
    FormDefinition form = filledForm();

    FormDefinition back = FormJson.parse(new JsonObject(FormJson.toJson(form).encode()));

    assertThat(back).isEqualTo(form);
  }

  @Test
  void theJsonFollowsTheDocumentedFieldNames() {
    JsonObject json = FormJson.toJson(FormTemplates.create("new-cadres").orElseThrow());

    JsonObject matrix = json.getJsonArray("sections").getJsonObject(0).getJsonArray("questions").getJsonObject(0);
    assertThat(matrix.getString("kind")).isEqualTo("matrix");
    assertThat(matrix.getJsonObject("reason").getJsonArray("whenOptions")).containsExactly("disagree");
    assertThat(json.getJsonObject("rules").getJsonObject("unfavourable").getMap())
        .containsEntry("numerator", 1).containsEntry("denominator", 3).containsEntry("comparison", "exceeds");
  }

  @Test
  void optionalFieldsTakeTheirDefaults() {
    JsonObject json = new JsonObject().put("schema", 1).put("title", "表")
        .put("sections", new JsonArray().add(new JsonObject().put("id", "s1").put("title", "一")
            .put("questions", new JsonArray().add(new JsonObject().put("id", "q1").put("kind", "text")
                .put("text", "意见")))));

    FormDefinition form = FormJson.parse(json);

    assertThat(form.template()).isEqualTo("custom");
    assertThat(form.instructions()).isEmpty();
    assertThat(form.rules()).isEqualTo(FormRules.defaults());
    assertThat(form.sections().get(0).questions().get(0)).isEqualTo(new TextQuestion("q1", "意见", false, 500));
  }

  @Test
  void wrongTypesAreFieldErrorsAtTheirPaths() {
    JsonObject json = FormJson.toJson(FormTemplates.create("cadre-work").orElseThrow());
    JsonObject q3 = questions(json).getJsonObject(2);
    q3.put("options", "好,较好");
    questions(json).getJsonObject(0).put("required", "yes");
    questions(json).getJsonObject(4).put("maxLength", "1000");
    json.put("schema", 1.5).put("title", 7);
    json.getJsonObject("rules").put("minGroupSize", new JsonArray());

    assertThat(errorsOf(json)).containsOnly(
        Map.entry("sections[0].questions[2].options", "必须是数组"),
        Map.entry("sections[0].questions[0].required", "必须是布尔值（true 或 false）"),
        Map.entry("sections[0].questions[4].maxLength", "必须是整数"),
        Map.entry("schema", "必须是整数"),
        Map.entry("title", "必须是字符串"),
        Map.entry("rules.minGroupSize", "必须是整数"));
  }

  @Test
  void missingFieldsAreReportedByName() {
    JsonObject json = FormJson.toJson(FormTemplates.create("cadre-work").orElseThrow());
    questions(json).getJsonObject(1).remove("id");
    json.remove("sections");

    assertThat(errorsOf(json)).containsOnly(Map.entry("sections", "缺少 sections"));

    json = FormJson.toJson(FormTemplates.create("cadre-work").orElseThrow());
    questions(json).getJsonObject(1).remove("id");
    assertThat(errorsOf(json)).containsOnly(Map.entry("sections[0].questions[1].id", "缺少 id"));
  }

  @Test
  void anUnknownKindAndNonObjectElementsAreFieldErrors() {
    JsonObject json = FormJson.toJson(FormTemplates.create("cadre-work").orElseThrow());
    questions(json).getJsonObject(0).put("kind", "slider");
    questions(json).add("q7");
    json.getJsonArray("sections").getJsonObject(0).getJsonArray("questions").getJsonObject(3)
        .getJsonArray("options").add(42);

    assertThat(errorsOf(json)).containsOnly(
        Map.entry("sections[0].questions[0].kind", "未知的题型：slider"),
        Map.entry("sections[0].questions[6]", "必须是对象"),
        Map.entry("sections[0].questions[3].options[12]", "必须是对象"));
  }

  @Test
  void nestedRulesAndRowAttributesAreTypeChecked() {
    JsonObject json = FormJson.toJson(filledForm());
    json.getJsonObject("rules").getJsonObject("quorum").put("denominator", "3");
    json.getJsonObject("rules").getJsonObject("unfavourable").put("options", new JsonArray().add(1));
    JsonObject row = questions(json).getJsonObject(0).getJsonArray("rows").getJsonObject(0);
    row.getJsonObject("attributes").put("currentPost", 3);
    row.put("weight", 1e12);

    assertThat(errorsOf(json)).containsOnly(
        Map.entry("rules.quorum.denominator", "必须是整数"),
        Map.entry("rules.unfavourable.options[0]", "必须是字符串"),
        Map.entry("sections[0].questions[0].rows[0].attributes.currentPost", "必须是字符串"),
        Map.entry("sections[0].questions[0].rows[0].weight", "必须是整数"));
  }

  @Test
  void aNullDocumentIsAFieldErrorToo() {
    assertThatThrownBy(() -> FormJson.parse(null)).isInstanceOf(FormProblems.class);
  }

  static Map<String, String> errorsOf(JsonObject json) {
    FormProblems problems = catchThrowableOfType(FormProblems.class, () -> FormJson.parse(json));
    assertThat(problems).as("parse should report field errors").isNotNull();
    return problems.errors().stream()
        .collect(java.util.stream.Collectors.toMap(FieldError::path, FieldError::message, (a, b) -> a + " | " + b));
  }

  private static JsonArray questions(JsonObject json) {
    return json.getJsonArray("sections").getJsonObject(0).getJsonArray("questions");
  }

  /** A new-cadres form with a row, plus a recommendation in approve mode, exercising every optional part. */
  static FormDefinition filledForm() {
    FormDefinition cadres = FormTemplates.create("new-cadres").orElseThrow();
    MatrixQuestion matrix = (MatrixQuestion) cadres.sections().get(0).questions().get(0);
    MatrixRow row = new MatrixRow("r1", "张三", 20,
        Map.of("formerPost", "某科科长", "currentPost", "副局长", "appointedOn", "2025.03"));
    Position position = new Position("p1", "副局长", 1, false, true,
        List.of(new Candidate("c1", "李四", "男", "1980.05", "某科科长")));
    RecommendationQuestion rec = new RecommendationQuestion("rec", "民主推荐", "approve",
        List.of(new Choice("agree", "同意"), new Choice("disagree", "不同意")), List.of(position));
    Section first = new Section("s1", "评议", new Subject("张三", ""), List.of(matrix.withRows(List.of(row))));
    FormRules rules = new FormRules(3, cadres.rules().unfavourable(), Threshold.exceeds(1, 2), new Fraction(2, 3));
    return new FormDefinition(1, "custom", "表", "说明", rules,
        List.of(first, new Section("s2", "推荐", null, List.of(rec))));
  }
}
