package org.pingyi.rawexport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingyi.ballot.BallotForm;
import org.pingyi.form.Candidate;
import org.pingyi.form.Choice;
import org.pingyi.form.FormDefinition;
import org.pingyi.form.FormRules;
import org.pingyi.form.MatrixQuestion;
import org.pingyi.form.MatrixRow;
import org.pingyi.form.Position;
import org.pingyi.form.RecommendationQuestion;
import org.pingyi.form.ScaleOption;
import org.pingyi.form.ScaleQuestion;
import org.pingyi.form.Section;
import org.pingyi.form.Subject;

/** The raw table's columns come from the frozen forms, and its cells print what the ballot shows. */
class RawBallotColumnsTest {
  private static final List<ScaleOption> GRADES = List.of(ScaleOption.plain("good", "好"), ScaleOption.plain("poor", "差"));
  private static final RawCategories CATEGORIES = RawCategories.of(Map.of("A", "领导班子成员"), Map.of("A", 9L), 5);

  private static FormDefinition assessment() {
    MatrixQuestion rows = new MatrixQuestion("p1-rows", "德、能", true, List.of(),
        List.of(new MatrixRow("de", "德", null, Map.of()), new MatrixRow("neng", "能", null, Map.of())), "测评项目",
        GRADES, null, List.of());
    ScaleQuestion overall = new ScaleQuestion("p1-overall", "总体评价", true, GRADES);
    return new FormDefinition(1, "assessment", "民主测评表", "", FormRules.defaults(),
        List.of(new Section("p1", "张三", new Subject("张三", "局长"), List.of(rows, overall))));
  }

  private static FormDefinition approval() {
    Position post = new Position("p1", "副局长", 1, false, false,
        List.of(new Candidate("c1", "赵一", "", "", ""), new Candidate("c2", "钱二", "", "", "")));
    return new FormDefinition(1, "recommendation", "推荐票", "", FormRules.defaults(), List.of(new Section("s1", "推荐", null,
        List.of(new RecommendationQuestion("rec", "民主推荐", "approve", null, List.of(post)),
            new RecommendationQuestion("rec2", "民主推荐", "select", null, List.of(post)),
            new RecommendationQuestion("rec3", "民主推荐", "select", null, List.of(post))))));
  }

  @Test
  void anAssessedPersonsRowsAndOverallGradeEachGetAColumnNamedByFormPersonAndItem() {
    RawBallotColumns columns = RawBallotColumns.of(List.of(new BallotForm("f1", assessment())));

    assertThat(columns.headers()).containsExactly("序号", "票类", "参评人员类别", "渠道", "无法辨认",
        "民主测评表·张三·德·评价", "民主测评表·张三·能·评价", "民主测评表·张三·总体评价");
    assertThat(columns.cells(7, new RawBallot("A", "paper", false,
        Map.of("f1", Map.of("p1-rows", Map.of("neng", Map.of("option", "poor")), "p1-overall", "good"))), CATEGORIES))
        .containsExactly("7", "A", "领导班子成员", "纸质", "否", "", "差", "好");
  }

  @Test
  void approveModeHasAColumnPerCandidateAndRepeatedHeadersAreNumbered() {
    RawBallotColumns columns = RawBallotColumns.of(List.of(new BallotForm("f2", approval())));

    assertThat(columns.headers()).endsWith("推荐票·副局长·赵一", "推荐票·副局长·钱二", "推荐票·副局长·推荐",
        "推荐票·副局长·推荐（2）");
    assertThat(columns.cells(1, new RawBallot("A", "phone", false, Map.of("f2", Map.of(
        "rec", Map.of("p1", Map.of("c1", "agree", "c2", "abstain")),
        "rec2", Map.of("p1", Map.of("selected", List.of("c2", "c1")))))), CATEGORIES))
        .endsWith("同意", "弃权", "钱二；赵一", "");
  }

  @Test
  void anUnreadableBallotHasItsFlagAndNoAnswers() {
    RawBallotColumns columns = RawBallotColumns.of(List.of(new BallotForm("f1", assessment())));

    assertThat(columns.cells(2, new RawBallot("A", "paper", true, Map.of()), CATEGORIES))
        .containsExactly("2", "A", "领导班子成员", "纸质", "是", "", "", "");
  }

  @Test
  void multipleChoicesAndReasonsAreJoinedInBallotOrderAndAnUnknownIdIsShownAsStored() {
    MatrixQuestion cadres = new MatrixQuestion("cadres", "评议", true, List.of(),
        List.of(new MatrixRow("r1", "李四", null, Map.of())), "姓名", GRADES,
        new org.pingyi.form.Reason("不认同的原因", List.of("poor"), null,
            List.of(new Choice("ability", "德才素质不适应岗位"), new Choice("other", "其他"))), List.of());
    FormDefinition form = new FormDefinition(1, "new-cadres", "新提拔", "", FormRules.defaults(),
        List.of(new Section("s1", "评议", null, List.of(cadres))));

    List<String> cells = RawBallotColumns.of(List.of(new BallotForm("f", form))).cells(1, new RawBallot("A", "phone",
        false, Map.of("f", Map.of("cadres", Map.of("r1", Map.of("option", "gone", "reasons", List.of("ability", "other")))))),
        CATEGORIES);

    assertThat(cells).endsWith("gone", "德才素质不适应岗位；其他");
  }
}
