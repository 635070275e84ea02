package org.pingyi.formeditor;

import java.util.List;
import org.pingyi.form.Choice;
import org.pingyi.form.ExtraScale;
import org.pingyi.form.FormDefinition;
import org.pingyi.form.FormRules;
import org.pingyi.form.MatrixColumn;
import org.pingyi.form.MatrixQuestion;
import org.pingyi.form.Reason;
import org.pingyi.form.ScaleOption;
import org.pingyi.form.Section;
import org.pingyi.form.Threshold;
import org.pingyi.form.UnfavourableRule;

/** Template 2 of docs/domain.md: 新提拔任用干部民主评议表, one matrix row per cadre, rows filled in later. */
final class NewCadresTemplate {

  static final TemplateInfo INFO = new TemplateInfo("new-cadres", "新提拔任用干部民主评议表",
      "对本年度新提拔任用的干部逐一评议：认同、基本认同、不认同、不了解；不认同超过三分之一的予以标记");

  private NewCadresTemplate() {
  }

  static FormDefinition create() {
    MatrixQuestion matrix = new MatrixQuestion("cadres", "对新提拔任用干部的评议", true,
        List.of(new MatrixColumn("formerPost", "原任职务"), new MatrixColumn("currentPost", "现任职务"),
            new MatrixColumn("appointedOn", "任职时间")),
        List.of(), "姓名", options(), reason(), List.of(canvassing()));
    FormRules rules = new FormRules(FormRules.DEFAULT_MIN_GROUP_SIZE,
        new UnfavourableRule(Threshold.exceeds(1, 3), List.of("disagree")), null, null);
    return new FormDefinition(FormDefinition.SCHEMA, INFO.id(), INFO.title(),
        "请对每名干部选择一项评价；选择“不认同”的，可选择原因。",
        rules, List.of(new Section("s1", "新提拔任用干部评议", null, List.of(matrix))));
  }

  private static List<ScaleOption> options() {
    return List.of(
        new ScaleOption("agree", "认同", null, true, false),
        new ScaleOption("basic", "基本认同", null, true, false),
        ScaleOption.plain("disagree", "不认同"),
        new ScaleOption("unknown", "不了解", null, false, true));
  }

  private static Reason reason() {
    return new Reason("不认同的原因", List.of("disagree"), null, List.of(
        new Choice("ability", "德才素质不适应岗位"),
        new Choice("performance", "工作实绩不突出"),
        new Choice("recognition", "群众公认度不高"),
        new Choice("procedure", "提拔程序不规范"),
        new Choice("other", "其他")));
  }

  private static ExtraScale canvassing() {
    return new ExtraScale("canvass", "是否存在拉票、跑官、要官行为", true, List.of(
        ScaleOption.plain("yes", "存在"),
        ScaleOption.plain("no", "不存在"),
        new ScaleOption("unknown", "不了解", null, false, true)));
  }
}
