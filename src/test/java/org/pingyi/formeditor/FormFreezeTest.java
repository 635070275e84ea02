package org.pingyi.formeditor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingyi.formeditor.FormValidatorTest.asMap;
import static org.pingyi.formeditor.FormValidatorTest.edited;
import static org.pingyi.formeditor.FormValidatorTest.question;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingyi.form.FormDefinition;

class FormFreezeTest {

  private static final String P = "sections[0].questions[0].positions[0]";

  @Test
  void aMatrixWithoutRowsIsADraftButCannotBeFrozen() {
    FormDefinition form = FormTemplates.create("new-cadres").orElseThrow();

    assertThat(FormValidator.validateDraft(form)).isEmpty();
    assertThat(asMap(FormValidator.validateForFreeze(form)))
        .containsOnly(Map.entry("sections[0].questions[0].rows", "定稿前至少需要一行（例如一名评议对象）"));
  }

  @Test
  void aPositionWithoutCandidatesCannotBeFrozen() {
    FormDefinition form = FormTemplates.create("recommendation").orElseThrow();

    assertThat(asMap(FormValidator.validateForFreeze(form)))
        .containsOnly(Map.entry(P + ".candidates", "定稿前至少需要一名候选人"));
  }

  @Test
  void asManyCandidatesAsSeatsIsRefusedUnlessTheSlateIsEqualOnPurpose() {
    FormDefinition equal = withCandidates(2, 2, false);

    assertThat(asMap(FormValidator.validateForFreeze(equal))).containsOnly(Map.entry(P + ".candidates",
        "差额推荐要求候选人数多于职数（现有 2 人，职数 2）；如确需等额推荐，请将该职位标为等额"));
    assertThat(FormValidator.validateForFreeze(withCandidates(2, 2, true))).isEmpty();
  }

  @Test
  void moreCandidatesThanSeatsCanBeFrozen() {
    assertThat(FormValidator.validateForFreeze(withCandidates(3, 2, false))).isEmpty();
  }

  @Test
  void freezingAlsoAppliesTheDraftRules() {
    FormDefinition form = edited("cadre-work", f -> f.put("title", ""));

    assertThat(asMap(FormValidator.validateForFreeze(form))).containsOnly(Map.entry("title", "不能为空"));
  }

  @Test
  void anAssessmentWithItsRowsCanBeFrozen() {
    assertThat(FormValidator.validateForFreeze(FormTemplates.create("assessment").orElseThrow())).isEmpty();
    assertThat(FormValidator.validateForFreeze(FormTemplates.create("cadre-work").orElseThrow())).isEmpty();
  }

  private static FormDefinition withCandidates(int count, int seats, boolean equalSlate) {
    return edited("recommendation", f -> {
      JsonObject position = question(f, 0).getJsonArray("positions").getJsonObject(0)
          .put("seats", seats).put("equalSlate", equalSlate);
      JsonArray candidates = new JsonArray();
      for (int i = 1; i <= count; i++) {
        candidates.add(new JsonObject().put("id", "c" + i).put("name", "候选人" + i));
      }
      position.put("candidates", candidates);
    });
  }
}
