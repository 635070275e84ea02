package org.pingyi.formeditor;

import java.util.ArrayList;
import java.util.List;
import org.pingyi.form.Choice;
import org.pingyi.form.FormDefinition;
import org.pingyi.form.FormRules;
import org.pingyi.form.MultiQuestion;
import org.pingyi.form.Question;
import org.pingyi.form.ScaleQuestion;
import org.pingyi.form.Section;
import org.pingyi.form.TextQuestion;

/** Template 1 of docs/domain.md: 干部选拔任用工作民主评议表, after the 2024 municipal form. */
final class CadreWorkTemplate {

  static final TemplateInfo INFO = new TemplateInfo("cadre-work", "干部选拔任用工作民主评议表",
      "“一报告两评议”的选人用人工作总体评议：总体评价、全方位管理和经常性监督、整改情况、主要问题与意见建议");

  /** The twelve problems of item 4, verbatim from docs/domain.md. */
  static final List<String> PROBLEMS = List.of(
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

  private CadreWorkTemplate() {
  }

  static FormDefinition create() {
    List<Question> questions = List.of(
        scale("q1", "对本地区（单位）干部选拔任用工作的总体评价"),
        scale("q2", "对本地区（单位）加强干部全方位管理和经常性监督情况的评价"),
        scale("q3", "对上一年度评议反映问题整改情况的评价"),
        new MultiQuestion("q4", "您认为本地区（单位）干部选拔任用工作中存在的主要问题", false, null, problems()),
        new TextQuestion("q5", "您对加强和改进本地区（单位）干部选拔任用工作的意见建议", false, 1000),
        new TextQuestion("q6", "您对加强和改进\"一报告两评议\"工作的意见建议", false, 1000));
    return new FormDefinition(FormDefinition.SCHEMA, INFO.id(), INFO.title(),
        "第1至3项每项选择一个评价；第4项可多选；第5、6项可填写意见建议。",
        FormRules.defaults(), List.of(new Section("s1", "选人用人工作总体评议", null, questions)));
  }

  private static ScaleQuestion scale(String id, String text) {
    // 不了解 is off by default here (docs/domain.md); the organiser may add Scales.unknown().
    return new ScaleQuestion(id, text, true, Scales.goodToPoor());
  }

  private static List<Choice> problems() {
    List<Choice> choices = new ArrayList<>();
    for (int i = 0; i < PROBLEMS.size(); i++) {
      choices.add(new Choice("p" + (i + 1), PROBLEMS.get(i)));
    }
    return choices;
  }
}
