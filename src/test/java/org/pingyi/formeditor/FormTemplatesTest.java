package org.pingyi.formeditor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pingyi.form.Choice;
import org.pingyi.form.FormDefinition;
import org.pingyi.form.Fraction;
import org.pingyi.form.MatrixColumn;
import org.pingyi.form.MatrixQuestion;
import org.pingyi.form.MatrixRow;
import org.pingyi.form.MultiQuestion;
import org.pingyi.form.Question;
import org.pingyi.form.RecommendationQuestion;
import org.pingyi.form.ScaleOption;
import org.pingyi.form.ScaleQuestion;
import org.pingyi.form.Section;
import org.pingyi.form.TextQuestion;
import org.pingyi.form.Threshold;
import org.pingyi.form.UnfavourableRule;

class FormTemplatesTest {

  @Test
  void theFourBuiltInTemplatesAreListedInChinese() {
    assertThat(FormTemplates.list()).extracting(TemplateInfo::id, TemplateInfo::title).containsExactly(
        tuple("cadre-work", "干部选拔任用工作民主评议表"),
        tuple("new-cadres", "新提拔任用干部民主评议表"),
        tuple("recommendation", "民主推荐票（会议推荐）"),
        tuple("assessment", "民主测评表"));
    assertThat(FormTemplates.list()).allSatisfy(t -> assertThat(t.description()).isNotBlank());
  }

  @Test
  void thePickerNamesEachTemplateAsTheFormItCreatesIsTitled() {
    assertThat(FormTemplates.list()).allSatisfy(t ->
        assertThat(FormTemplates.create(t.id()).orElseThrow().title()).isEqualTo(t.title()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"cadre-work", "new-cadres", "recommendation", "assessment"})
  void everyTemplatePassesTheDraftRulesWithSchema1AndGroupsOfFive(String id) {
    FormDefinition form = FormTemplates.create(id).orElseThrow();

    assertThat(FormValidator.validateDraft(form)).isEmpty();
    assertThat(form.schema()).isEqualTo(1);
    assertThat(form.template()).isEqualTo(id);
    assertThat(form.rules().minGroupSize()).isEqualTo(5);
  }

  @Test
  void anUnknownTemplateIsEmpty() {
    assertThat(FormTemplates.create("poll")).isEmpty();
    assertThat(FormTemplates.create(null)).isEmpty();
  }

  @Test
  void cadreWorkHasThreeRequiredScalesWithoutUnknownByDefault() {
    FormDefinition form = FormTemplates.create("cadre-work").orElseThrow();
    List<Question> questions = form.questions().toList();

    assertThat(form.title()).isEqualTo("干部选拔任用工作民主评议表");
    assertThat(questions).extracting(Question::text).startsWith(
        "对本地区（单位）干部选拔任用工作的总体评价",
        "对本地区（单位）加强干部全方位管理和经常性监督情况的评价",
        "对上一年度评议反映问题整改情况的评价");
    for (Question q : questions.subList(0, 3)) {
      ScaleQuestion scale = (ScaleQuestion) q;
      assertThat(scale.required()).isTrue();
      assertThat(scale.options()).extracting(ScaleOption::label, ScaleOption::score, ScaleOption::favourable,
          ScaleOption::unknown).containsExactly(
              tuple("好", 100, true, false), tuple("较好", 80, true, false),
              tuple("一般", 60, false, false), tuple("差", 40, false, false));
    }
  }

  @Test
  void cadreWorkListsTheTwelveProblemsVerbatimWithoutALimit() {
    MultiQuestion problems = (MultiQuestion) FormTemplates.create("cadre-work").orElseThrow().questions()
        .toList().get(3);

    assertThat(problems.max()).isNull();
    assertThat(problems.text()).isEqualTo("您认为本地区（单位）干部选拔任用工作中存在的主要问题");
    assertThat(problems.options()).extracting(Choice::label).containsExactly(
        "加强领导班子和干部队伍建设不够聚焦职责使命",
        "干部队伍建设统筹谋划不够、结构不优",
        "干部队伍能力素质不适应工作要求",
        "干部队伍精神状态不佳或斗争精神不足",
        "选人用人突出政治标准不够，严把政治关、廉洁关不到位",
        "选人用人注重工作实绩、群众公认不够",
        "激励担当作为有差距，推进能上能下不力",
        "落实民主集中制不到位，存在\"个人说了算\"",
        "任人唯亲、搞小圈子等不正之风",
        "执行干部选拔任用政策和程序不规范",
        "对\"一把手\"、关键岗位管理监督不够严格",
        "巡视巡察选人用人专项检查反馈问题整改不到位");
  }

  @Test
  void cadreWorkEndsWithTwoOptionalTextsOf1000Characters() {
    List<Question> questions = FormTemplates.create("cadre-work").orElseThrow().questions().toList();

    assertThat(questions.subList(4, 6)).extracting(q -> ((TextQuestion) q).required(),
        q -> ((TextQuestion) q).maxLength()).containsOnly(tuple(false, 1000));
    assertThat(questions.get(4).text()).isEqualTo("您对加强和改进本地区（单位）干部选拔任用工作的意见建议");
    assertThat(questions.get(5).text()).isEqualTo("您对加强和改进\"一报告两评议\"工作的意见建议");
  }

  @Test
  void newCadresIsOneEmptyMatrixFlaggingDisagreeAboveOneThird() {
    FormDefinition form = FormTemplates.create("new-cadres").orElseThrow();
    MatrixQuestion matrix = (MatrixQuestion) form.questions().toList().get(0);

    assertThat(form.questions()).hasSize(1);
    assertThat(matrix.rows()).isEmpty();
    assertThat(matrix.rowHeader()).isEqualTo("姓名");
    assertThat(matrix.columns()).extracting(MatrixColumn::label).containsExactly("原任职务", "现任职务", "任职时间");
    assertThat(matrix.options()).extracting(ScaleOption::id, ScaleOption::label, ScaleOption::favourable,
        ScaleOption::unknown).containsExactly(
            tuple("agree", "认同", true, false), tuple("basic", "基本认同", true, false),
            tuple("disagree", "不认同", false, false), tuple("unknown", "不了解", false, true));
    assertThat(form.rules().unfavourable())
        .isEqualTo(new UnfavourableRule(new Threshold(new Fraction(1, 3), "exceeds"), List.of("disagree")));
  }

  @Test
  void newCadresAsksTheFiveReasonsForDisagreeAndTheCanvassingQuestion() {
    MatrixQuestion matrix = (MatrixQuestion) FormTemplates.create("new-cadres").orElseThrow().questions()
        .toList().get(0);

    assertThat(matrix.reason().whenOptions()).containsExactly("disagree");
    assertThat(matrix.reason().options()).extracting(Choice::label)
        .containsExactly("德才素质不适应岗位", "工作实绩不突出", "群众公认度不高", "提拔程序不规范", "其他");
    assertThat(matrix.extra()).singleElement().satisfies(extra -> {
      assertThat(extra.label()).isEqualTo("是否存在拉票、跑官、要官行为");
      assertThat(extra.options()).extracting(ScaleOption::label).containsExactly("存在", "不存在", "不了解");
      assertThat(extra.options().get(2).unknown()).isTrue();
    });
  }

  @Test
  void recommendationHasOnePlaceholderPositionWithWriteInsAndTheMajorityAndQuorumRules() {
    FormDefinition form = FormTemplates.create("recommendation").orElseThrow();
    RecommendationQuestion rec = (RecommendationQuestion) form.questions().toList().get(0);

    assertThat(form.title()).isEqualTo("民主推荐票（会议推荐）");
    assertThat(rec.mode()).isEqualTo("select");
    assertThat(rec.positions()).singleElement().satisfies(p -> {
      assertThat(p.title()).isEqualTo("（请填写推荐职位）");
      assertThat(p.seats()).isEqualTo(1);
      assertThat(p.writeIns()).isTrue();
      assertThat(p.candidates()).isEmpty();
    });
    assertThat(form.rules().majority()).isEqualTo(Threshold.exceeds(1, 2));
    assertThat(form.rules().quorum()).isEqualTo(new Fraction(2, 3));
  }

  @Test
  void assessmentStartsWithOnePersonRatedOnTheFiveRowsAndOverall() {
    FormDefinition form = FormTemplates.create("assessment").orElseThrow();
    Section person = form.sections().get(0);
    MatrixQuestion rows = (MatrixQuestion) person.questions().get(0);
    ScaleQuestion overall = (ScaleQuestion) person.questions().get(1);

    assertThat(form.sections()).hasSize(1);
    assertThat(person.subject()).isNotNull();
    assertThat(rows.rows()).extracting(MatrixRow::id, MatrixRow::label, MatrixRow::weight).containsExactly(
        tuple("de", "德", null), tuple("neng", "能", null), tuple("qin", "勤", null),
        tuple("ji", "绩", null), tuple("lian", "廉", null));
    assertThat(rows.options()).extracting(ScaleOption::label, ScaleOption::score).containsExactly(
        tuple("好", 100), tuple("较好", 80), tuple("一般", 60), tuple("差", 40));
    assertThat(overall.text()).isEqualTo("总体评价");
    assertThat(overall.options()).extracting(ScaleOption::label).containsExactly("优秀", "称职", "基本称职", "不称职");
  }

  @Test
  void eachCreateReturnsAFreshEqualForm() {
    assertThat(FormTemplates.create("assessment")).isEqualTo(FormTemplates.create("assessment"));
  }
}
