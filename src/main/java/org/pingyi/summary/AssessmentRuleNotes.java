package org.pingyi.summary;

import java.util.List;
import java.util.stream.Collectors;
import org.pingyi.event.EventDetails;
import org.pingyi.form.FormDefinition;
import org.pingyi.form.MatrixQuestion;
import org.pingyi.form.ScaleQuestion;
import org.pingyi.form.Section;

/** The 民主测评 rules under its table: the grade rates, the scores per grade, the item and category weights. */
final class AssessmentRuleNotes {

  private AssessmentRuleNotes() {
  }

  static void add(List<String> notes, FormDefinition form, EventDetails event) {
    List<Section> persons = form.sections().stream().filter(s -> s.subject() != null).toList();
    if (persons.isEmpty()) return;
    persons.get(0).questions().stream().filter(ScaleQuestion.class::isInstance).map(ScaleQuestion.class::cast)
        .filter(g -> g.options().size() >= 2).findFirst().ifPresent(g -> {
          String first = g.options().get(0).label();
          String second = g.options().get(1).label();
          notes.add(first + "率 = " + first + " ÷ 有效票；" + second + "以上率 =（" + first + "＋" + second + "）÷ 有效票。");
        });
    persons.get(0).questions().stream().filter(MatrixQuestion.class::isInstance).map(MatrixQuestion.class::cast)
        .filter(m -> m.options().stream().allMatch(o -> o.score() != null)).findFirst().ifPresent(m -> {
          String scores = m.options().stream().map(o -> o.label() + " " + o.score()).collect(Collectors.joining("、"));
          notes.add("测评项目平均分 = Σ（票数 × 分值）÷ 该项作答票数，分值：" + scores + "（表单设置）；各选项比例的分母为有效票。");
          notes.add("个人得分 = 各测评项目平均分按项目权重加权平均（" + itemWeights(m) + "）。");
        });
    String weights = RuleNotes.weights(event.categories());
    if (!weights.isEmpty()) {
      notes.add("分类考核加权结果 = Σ（类别权重 × 该类别的个人得分）÷ 有选票类别的权重之和；类别权重：" + weights + "。");
    }
  }

  private static String itemWeights(MatrixQuestion m) {
    if (m.rows().stream().allMatch(r -> r.weight() == null)) return "未设项目权重，各项目等权";
    return "项目权重：" + m.rows().stream().map(r -> r.label() + " " + (r.weight() == null ? 1 : r.weight()))
        .collect(Collectors.joining("、"));
  }
}
