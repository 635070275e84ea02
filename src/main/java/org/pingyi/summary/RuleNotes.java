package org.pingyi.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.pingyi.event.EventDetails;
import org.pingyi.event.VoterCategory;
import org.pingyi.form.FormDefinition;
import org.pingyi.form.FormRules;
import org.pingyi.form.MatrixQuestion;
import org.pingyi.form.MultiQuestion;
import org.pingyi.form.Question;
import org.pingyi.form.RecommendationQuestion;
import org.pingyi.form.ScaleOption;
import org.pingyi.form.ScaleQuestion;

/** The rules applied, printed under the table (docs/domain.md: a reader of the record knows which rule made each flag). */
final class RuleNotes {

  private RuleNotes() {
  }

  static List<String> of(FormDefinition form, EventDetails event) {
    List<String> notes = new ArrayList<>();
    notes.add("实到人数以收回票数计（手机票与纸质票合计）；有效票 = 收回票数 − 无效票，无效票为无法辨认、整张无效的纸质票。");
    notes.add("比例以百分数表示，保留两位小数（四舍五入）；是否超过规定比例按票数精确比较，不按四舍五入后的比例。");
    int min = form.rules().minGroupSize();
    notes.add("分类统计只列出选票不少于 " + min + " 张的参评人员类别（表单设置），以免人数少的类别暴露个人选择；"
        + "不单列的类别选票合计不足 " + min + " 张时，选票最少的其他类别也不单列，以免由合计减去其他类别推算出人数少的类别的结果；"
        + "设有权重的类别有不单列的，不计算分类考核加权结果。");
    boolean assessment = "assessment".equals(form.template());
    List<Question> plain = form.sections().stream().filter(s -> !assessment || s.subject() == null)
        .flatMap(s -> s.questions().stream()).toList();
    plain.stream().filter(ScaleQuestion.class::isInstance).map(q -> ((ScaleQuestion) q).options()).findFirst()
        .ifPresent(options -> scaleNotes(notes, options));
    if (plain.stream().anyMatch(MultiQuestion.class::isInstance)) notes.add("多选题每一选项单独计数，比例的分母为该题作答票数。");
    plain.stream().filter(MatrixQuestion.class::isInstance).map(MatrixQuestion.class::cast).findFirst()
        .ifPresent(m -> matrixNotes(notes, m, form.rules()));
    if (plain.stream().anyMatch(RecommendationQuestion.class::isInstance)) recommendationNotes(notes, form.rules());
    if (assessment) AssessmentRuleNotes.add(notes, form, event);
    return notes;
  }

  private static void scaleNotes(List<String> notes, List<ScaleOption> options) {
    List<ScaleOption> favourable = RuleWording.favourable(options);
    if (favourable.isEmpty()) return;
    String label = RuleWording.favourableLabel(options);
    notes.add("各选项比例和" + label + "的分母为该项作答票数；" + label + " =（" + RuleWording.plus(favourable) + "）÷ 作答票数。");
    if (options.stream().anyMatch(ScaleOption::unknown)) {
      notes.add("“" + label + "（不计“不了解”）”的分母为作答票数减去“不了解”票数。");
    }
  }

  private static void matrixNotes(List<String> notes, MatrixQuestion m, FormRules rules) {
    List<ScaleOption> favourable = RuleWording.favourable(m.options());
    String label = RuleWording.favourableLabel(m.options());
    notes.add("各选项比例" + (favourable.isEmpty() ? "" : "、" + label) + "的分母为有效票"
        + (favourable.isEmpty() ? "" : "；" + label + " =（" + RuleWording.plus(favourable) + "）÷ 有效票") + "。");
    if (rules.unfavourable() == null) return;
    String options = MatrixBlocks.unfavourableLabel(m, rules.unfavourable());
    String share = RuleWording.fraction(rules.unfavourable().threshold().share());
    notes.add(RuleWording.reaches(rules.unfavourable().threshold())
        ? options + "票达到有效票的" + share + "（含恰好" + share + "）的予以标记（表单设置）。"
        : options + "票超过有效票的" + share + "的予以标记，恰好" + share + "的不标记（表单设置）。");
  }

  private static void recommendationNotes(List<String> notes, FormRules rules) {
    notes.add("得票率 = 得票数 ÷ 该职位有效票；该职位有效票 = 有效票 − 该职位推荐人数超过职数的票（该职位部分无效，同一张票的其他职位照常计）；"
        + "未推荐任何人的为有效的弃权票。候选人按得票数排列。");
    if (rules.majority() != null) {
      notes.add("得票" + RuleWording.verb(rules.majority()) + "该职位有效票的" + RuleWording.fraction(rules.majority().share())
          + "的标为“" + RuleWording.majorityFlag(rules.majority()) + "”（表单设置）。");
    }
    if (rules.quorum() != null) {
      notes.add("到会人数（以收回票数计）须达到应到人数的" + RuleWording.fraction(rules.quorum()) + "，会议推荐方为有效（表单设置）。");
    }
    notes.add("民主推荐结果是选拔任用的重要参考，不得简单以票取人。");
  }

  /** The category weights as printed, e.g. 领导班子成员 30、干部职工代表 70. */
  static String weights(List<VoterCategory> categories) {
    return categories.stream().filter(c -> c.weight() != null)
        .map(c -> c.name() + " " + new java.math.BigDecimal(c.weight().toString()).stripTrailingZeros().toPlainString()).collect(Collectors.joining("、"));
  }
}
