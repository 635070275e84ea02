package org.pingyi.formeditor;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pingyi.form.FieldError;
import org.pingyi.form.FormDefinition;
import org.pingyi.form.FormJson;

class FormValidatorTest {

  private static final String Q = "sections[0].questions[0]";

  @Test
  void aBadIdIsReportedAtItsPath() {
    assertThat(draftErrors("cadre-work", f -> question(f, 0).put("id", "第一题")))
        .containsOnlyKeys(Q + ".id");
    assertThat(draftErrors("cadre-work", f -> section(f).put("id", "x".repeat(41))))
        .containsOnlyKeys("sections[0].id");
  }

  @Test
  void questionIdsMustBeUniqueAcrossSections() {
    Map<String, String> errors = draftErrors("cadre-work", f -> f.getJsonArray("sections")
        .add(section(f).copy().put("id", "s2")));

    assertThat(errors).containsEntry("sections[1].questions[0].id", "与其他题目的 id 重复：q1")
        .hasSize(6);
  }

  @Test
  void sectionIdsMustBeUnique() {
    Map<String, String> errors = draftErrors("cadre-work", f -> f.getJsonArray("sections")
        .add(new JsonObject().put("id", "s1").put("title", "二").put("questions", new JsonArray()
            .add(new JsonObject().put("id", "q9").put("kind", "text").put("text", "补充")))));

    assertThat(errors).containsOnly(Map.entry("sections[1].id", "与前面的 id 重复：s1"));
  }

  @Test
  void optionIdsMustBeUniqueWithinTheirList() {
    assertThat(draftErrors("cadre-work", f -> options(f, 0).getJsonObject(1).put("id", "good")))
        .containsOnly(Map.entry(Q + ".options[1].id", "与前面的 id 重复：good"));
  }

  @Test
  void theTitleMustNotBeEmptyAndLabelsMustBeShort() {
    assertThat(draftErrors("cadre-work", f -> f.put("title", "  "))).containsOnly(Map.entry("title", "不能为空"));
    assertThat(draftErrors("cadre-work", f -> options(f, 3).getJsonObject(0).put("label", "长".repeat(201))))
        .containsOnly(Map.entry("sections[0].questions[3].options[0].label", "不能超过 200 个字"));
  }

  @Test
  void aFormNeedsASectionAndASectionNeedsAQuestion() {
    assertThat(draftErrors("cadre-work", f -> f.put("sections", new JsonArray())))
        .containsOnly(Map.entry("sections", "至少需要一个部分"));
    assertThat(draftErrors("cadre-work", f -> section(f).put("questions", new JsonArray())))
        .containsOnly(Map.entry("sections[0].questions", "至少需要一道题"));
  }

  @Test
  void aScaleNeedsTwoOptionsAndAtMostOneUnknown() {
    assertThat(draftErrors("cadre-work", f -> question(f, 0).put("options", new JsonArray().add(
        new JsonObject().put("id", "good").put("label", "好")))))
        .containsOnly(Map.entry(Q + ".options", "至少需要两个选项"));
    assertThat(draftErrors("cadre-work", f -> {
      options(f, 0).getJsonObject(2).put("unknown", true);
      options(f, 0).getJsonObject(3).put("unknown", true);
    })).containsOnly(Map.entry(Q + ".options", "最多只能有一个“不了解”选项"));
  }

  @Test
  void multiMaxIsNullOrWithinTheNumberOfOptions() {
    assertThat(draftErrors("cadre-work", f -> question(f, 3).put("max", 13)))
        .containsOnly(Map.entry("sections[0].questions[3].max", "必须在 1 到 12 之间，或不限"));
    assertThat(draftErrors("cadre-work", f -> question(f, 3).put("max", 0))).hasSize(1);
    assertThat(draftErrors("cadre-work", f -> question(f, 3).put("max", 3))).isEmpty();
  }

  @Test
  void textMaxLengthIsBetweenOneAnd5000() {
    assertThat(draftErrors("cadre-work", f -> question(f, 4).put("maxLength", 5001)))
        .containsOnly(Map.entry("sections[0].questions[4].maxLength", "必须在 1 到 5000 之间"));
    assertThat(draftErrors("cadre-work", f -> question(f, 4).put("maxLength", 0))).hasSize(1);
  }

  @Test
  void seatsAreAtLeastOneAndTheModeIsKnown() {
    assertThat(draftErrors("recommendation", f -> {
      question(f, 0).getJsonArray("positions").getJsonObject(0).put("seats", 0);
      question(f, 0).put("mode", "rank");
    })).containsOnly(Map.entry(Q + ".positions[0].seats", "职数至少为 1"),
        Map.entry(Q + ".mode", "只能是 select 或 approve"));
  }

  @Test
  void rowWeightsArePositive() {
    assertThat(draftErrors("assessment", f -> question(f, 0).getJsonArray("rows").getJsonObject(2).put("weight", 0)))
        .containsOnly(Map.entry(Q + ".rows[2].weight", "必须为正数"));
  }

  @Test
  void thresholdsAreProperFractionsWithAKnownComparison() {
    assertThat(draftErrors("new-cadres", f -> rules(f).getJsonObject("unfavourable")
        .put("numerator", 4).put("comparison", "above")))
        .containsOnly(Map.entry("rules.unfavourable", "比例必须大于 0 且不超过 1"),
            Map.entry("rules.unfavourable.comparison", "只能是 exceeds（超过）或 reaches（达到）"));
    assertThat(draftErrors("recommendation", f -> rules(f).getJsonObject("quorum").put("denominator", 0)))
        .containsOnly(Map.entry("rules.quorum.denominator", "分母至少为 1"));
    assertThat(draftErrors("recommendation", f -> rules(f).getJsonObject("majority").put("numerator", 0)))
        .containsOnly(Map.entry("rules.majority", "比例必须大于 0 且不超过 1"));
  }

  @Test
  void unfavourableOptionsMustExistInTheMatrix() {
    assertThat(draftErrors("new-cadres", f -> rules(f).getJsonObject("unfavourable")
        .put("options", new JsonArray().add("disagree").add("against"))))
        .containsOnly(Map.entry("rules.unfavourable.options[1]", "评议表中没有这个选项：against"));
  }

  @Test
  void minGroupSizeIsAtLeastOne() {
    assertThat(draftErrors("cadre-work", f -> rules(f).put("minGroupSize", 0)))
        .containsOnly(Map.entry("rules.minGroupSize", "至少为 1"));
  }

  @Test
  void reasonsAreAskedOnlyForExistingMatrixOptions() {
    assertThat(draftErrors("new-cadres", f -> question(f, 0).getJsonObject("reason")
        .put("whenOptions", new JsonArray().add("reject"))))
        .containsOnly(Map.entry(Q + ".reason.whenOptions[0]", "没有这个选项：reject"));
  }

  @Test
  void schemaAndTemplateMustBeKnown() {
    assertThat(draftErrors("cadre-work", f -> f.put("schema", 2).put("template", "poll")))
        .containsOnlyKeys("schema", "template");
  }

  @Test
  void everyProblemIsReportedNotOnlyTheFirst() {
    assertThat(draftErrors("cadre-work", f -> {
      f.put("title", "");
      question(f, 4).put("maxLength", 0);
      question(f, 5).put("id", "q5");
    })).hasSize(3);
  }

  static Map<String, String> draftErrors(String template, Consumer<JsonObject> change) {
    return asMap(FormValidator.validateDraft(edited(template, change)));
  }

  static FormDefinition edited(String template, Consumer<JsonObject> change) {
    JsonObject json = FormJson.toJson(FormTemplates.create(template).orElseThrow());
    change.accept(json);
    return FormJson.parse(json);
  }

  static Map<String, String> asMap(List<FieldError> errors) {
    return errors.stream().collect(Collectors.toMap(FieldError::path, FieldError::message, (a, b) -> a + " | " + b));
  }

  static JsonObject section(JsonObject form) {
    return form.getJsonArray("sections").getJsonObject(0);
  }

  static JsonObject question(JsonObject form, int index) {
    return section(form).getJsonArray("questions").getJsonObject(index);
  }

  private static JsonArray options(JsonObject form, int question) {
    return question(form, question).getJsonArray("options");
  }

  private static JsonObject rules(JsonObject form) {
    return form.getJsonObject("rules");
  }
}
