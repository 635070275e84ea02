package org.pingyi.rawexport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingyi.ballot.BallotForm;
import org.pingyi.form.Candidate;
import org.pingyi.form.Choice;
import org.pingyi.form.ExtraScale;
import org.pingyi.form.FormDefinition;
import org.pingyi.form.FormRules;
import org.pingyi.form.MatrixQuestion;
import org.pingyi.form.MatrixRow;
import org.pingyi.form.MultiQuestion;
import org.pingyi.form.Position;
import org.pingyi.form.Reason;
import org.pingyi.form.RecommendationQuestion;
import org.pingyi.form.ScaleOption;
import org.pingyi.form.ScaleQuestion;
import org.pingyi.form.Section;
import org.pingyi.form.TextQuestion;

/** Answers read straight from their stored text print exactly what they print read into maps, whatever is stored. */
class AnswerDecoderTest {
  private static final List<ScaleOption> GRADES = List.of(ScaleOption.plain("good", "好"), ScaleOption.plain("poor", "差"));
  private static final RawCategories CATEGORIES = RawCategories.of(Map.of("A", "领导班子成员"), Map.of("A", 9L), 5);

  private static RawBallotColumns columns() {
    MatrixQuestion cadres = new MatrixQuestion("cadres", "评议", true, List.of(),
        List.of(new MatrixRow("r1", "李四", null, Map.of()), new MatrixRow("r2", "王五", null, Map.of())), "姓名",
        GRADES, new Reason("不认同的原因", List.of("poor"), null,
            List.of(new Choice("ability", "德才素质不适应岗位"), new Choice("other", "其他"))),
        List.of(new ExtraScale("canvass", "拉票", false, List.of(ScaleOption.plain("no", "否"), ScaleOption.plain("yes", "是")))));
    FormDefinition first = new FormDefinition(1, "new-cadres", "新提拔", "", FormRules.defaults(), List.of(
        new Section("s1", "评议", null, List.of(cadres, new ScaleQuestion("q1", "总体", true, GRADES),
            new MultiQuestion("q4", "问题", false, null, List.of(new Choice("p1", "甲"), new Choice("p2", "乙"))),
            new TextQuestion("q5", "意见", false, 500)))));
    Position post = new Position("p1", "副局长", 1, true, false,
        List.of(new Candidate("c1", "赵一", "", "", ""), new Candidate("c2", "钱二", "", "", "")));
    FormDefinition second = new FormDefinition(1, "recommendation", "推荐票", "", FormRules.defaults(), List.of(
        new Section("s1", "推荐", null, List.of(new RecommendationQuestion("rec", "民主推荐", "approve", null, List.of(post)),
            new RecommendationQuestion("rec2", "民主推荐", "select", null, List.of(post))))));
    return RawBallotColumns.of(List.of(new BallotForm("f1", first), new BallotForm("f2", second)));
  }

  @Test
  void everyShapeOfStoredAnswersPrintsAsTheMapsPrintIt() {
    RawBallotColumns columns = columns();
    List<String> stored = List.of(
        "{}",
        "{\"f1\": {\"q1\": \"good\", \"q4\": [\"p2\", \"p1\"], \"q5\": \"=1+1, \\\"引号\\\"\\n换行 \\u00a0<b>&\"}}",
        "{\"f1\": {\"cadres\": {\"r1\": {\"extra\": {\"canvass\": \"yes\"}, \"option\": \"poor\", "
            + "\"reasons\": [\"ability\", \"gone\"]}, \"r2\": {\"option\": \"good\"}}}, \"f2\": {\"rec\": {\"p1\": "
            + "{\"c1\": \"agree\", \"c2\": \"oppose\"}}, \"rec2\": {\"p1\": {\"selected\": [\"c2\", \"c9\"], "
            + "\"writeIns\": [\"孙三\", \"周四\"]}}}}",
        // Unknown keys and forms, nulls, empty lists, and things where an object belongs.
        "{\"zz\": {\"q1\": 1}, \"f1\": {\"q1\": null, \"q4\": [], \"other\": [1, {\"a\": 2}], \"cadres\": \"x\"}, "
            + "\"f2\": {\"rec\": [1, 2], \"rec2\": {\"p1\": {\"selected\": \"c1\", \"writeIns\": []}}}}",
        // What only the maps can print: numbers, objects and lists where a label or a list of ids belongs.
        "{\"f1\": {\"q1\": 3, \"q5\": 1.5}}",
        "{\"f1\": {\"q1\": {\"a\": [1, \"b\"]}, \"q5\": [\"x\", \"y\"]}}",
        "{\"f1\": {\"q4\": [\"p1\", null]}}",
        "{\"f1\": {\"q1\": true, \"q4\": [[\"p1\"]]}}",
        "{\"f1\": {\"q5\": \"\\ud800 孤立的代理项 \\udc00\"}}");
    AnswerDecoder decoder = columns.decoder();
    String[] cells = new String[columns.size()];
    for (String answers : stored) {
      var ballot = new RawBallotRepository.StoredBallot("A", "paper", false, answers);
      columns.cells(3, ballot, CATEGORIES, decoder, cells);
      assertThat(List.of(cells)).as(answers).isEqualTo(columns.cells(3, ballot.parsed(), CATEGORIES));
    }
    assertThat(decoder.decode(stored.get(2))).isTrue();
    assertThat(decoder.decode(stored.get(4))).isFalse();
  }
}
