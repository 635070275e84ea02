package org.pingyi.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingyi.form.FieldError;
import org.pingyi.form.FormDefinition;
import org.pingyi.formeditor.FormTemplates;
import org.pingyi.form.RecommendationQuestion;
import org.pingyi.form.Section;
import org.pingyi.formeditor.TsvImport;

/** The ballot rules in plain Java: what is refused online, what paper keeps for the tally, and the normal form. */
class BallotValidatorTest {
  private static final BallotForm WORK = new BallotForm("work", FormTemplates.create("cadre-work").orElseThrow());
  private static final BallotForm CADRES = new BallotForm("cadres", TsvImport.replaceMatrixRows(
      FormTemplates.create("new-cadres").orElseThrow(), "cadres", "张三\t科员\t副科长\t2025.03\n李四\t副科长\t科长\t2025.06"));
  private static final BallotForm REC = new BallotForm("rec", TsvImport.replaceCandidates(
      FormTemplates.create("recommendation").orElseThrow(), "rec", "p1", "赵一\n钱二\n孙三"));

  @Test
  void aValidBallotComesBackInBallotOrderWithTextTrimmed() {
    Map<String, Object> work = map("q5", " 建议 \r\n多听意见 ", "q4", List.of("p3", "p1"), "q3", "good", "q2", "fair", "q1", "good");

    var result = BallotValidator.check(List.of(WORK), map("work", work), Strictness.ONLINE);

    assertThat(result.problems()).isEmpty();
    assertThat(CanonicalJson.write(result.answers()))
        .isEqualTo("{\"work\":{\"q1\":\"good\",\"q2\":\"fair\",\"q3\":\"good\",\"q4\":[\"p1\",\"p3\"],\"q5\":\"建议 \\n多听意见\"}}");
  }

  @Test
  void anAbsentFormIsCheckedAsUnanswered() {
    var result = BallotValidator.check(List.of(WORK, REC), map(), Strictness.ONLINE);

    assertThat(paths(result.problems())).containsExactly("answers.work.q1", "answers.work.q2", "answers.work.q3");
  }

  @Test
  void aRecommendationWithNoMarkIsAValidAbstention() {
    var result = BallotValidator.check(List.of(REC), map("rec", map()), Strictness.ONLINE);

    assertThat(result.problems()).isEmpty();
    assertThat(result.answers()).isEqualTo(map("rec", map()));
  }

  @Test
  void onlineRefusesTooManyMarksButPaperKeepsThemForTheTally() {
    Map<String, Object> over = map("rec", map("rec", map("p1", map("selected", List.of("c2", "c1")))));

    var online = BallotValidator.check(List.of(REC), over, Strictness.ONLINE);
    var paper = BallotValidator.check(List.of(REC), over, Strictness.PAPER);

    assertThat(online.problems()).extracting(FieldError::message).containsExactly("（请填写推荐职位）：最多推荐 1 人");
    assertThat(paper.problems()).isEmpty();
    assertThat(CanonicalJson.write(paper.answers())).isEqualTo("{\"rec\":{\"rec\":{\"p1\":{\"selected\":[\"c1\",\"c2\"]}}}}");
  }

  @Test
  void paperStillRefusesWhatNoBallotCouldSay() {
    var unknown = BallotValidator.check(List.of(WORK), map("work", map("q1", "excellent")), Strictness.PAPER);

    assertThat(paths(unknown.problems())).containsExactly("answers.work.q1");
  }

  @Test
  void writeInsAreTrimmedDeduplicatedAndLimitedInLength() {
    var duplicate = BallotValidator.check(List.of(REC),
        map("rec", map("rec", map("p1", map("writeIns", List.of("周四", " 周四 "))))), Strictness.PAPER);
    var tooLong = BallotValidator.check(List.of(REC),
        map("rec", map("rec", map("p1", map("writeIns", List.of("名".repeat(41)))))), Strictness.ONLINE);

    assertThat(duplicate.problems()).extracting(FieldError::message).containsExactly("另行推荐的人选重复：周四");
    assertThat(paths(tooLong.problems())).containsExactly("answers.rec.rec.p1.writeIns.0");
  }

  @Test
  void approveModeTakesOneAnswerPerCandidate() {
    FormDefinition approve = withApproveMode(REC.definition());
    BallotForm form = new BallotForm("rec", approve);

    var ok = BallotValidator.check(List.of(form), map("rec", map("rec", map("p1", map("c1", "agree", "c3", "abstain")))),
        Strictness.ONLINE);
    var bad = BallotValidator.check(List.of(form), map("rec", map("rec", map("p1", map("c1", "maybe")))),
        Strictness.ONLINE);

    assertThat(ok.problems()).isEmpty();
    assertThat(paths(bad.problems())).containsExactly("answers.rec.rec.p1.c1");
  }

  @Test
  void matrixRowsNeedAnOptionAndTheRequiredExtraAndReasonsOnlyWhenDisagreeing() {
    Map<String, Object> rows = map(
        "r1", map("option", "agree", "reasons", List.of("ability"), "extra", map("canvass", "no")),
        "r2", map("extra", map("canvass", "no")));

    var result = BallotValidator.check(List.of(CADRES), map("cadres", map("cadres", rows)), Strictness.ONLINE);

    assertThat(paths(result.problems())).containsExactly("answers.cadres.cadres.r1.reasons", "answers.cadres.cadres.r2");
  }

  @Test
  void loneSurrogatesAreRefusedButEmojiAreOneCharacter() {
    var lone = BallotValidator.check(List.of(WORK), map("work", answeredWork("\uD800x")), Strictness.ONLINE);
    var emoji = BallotValidator.check(List.of(WORK), map("work", answeredWork("👍".repeat(1000))), Strictness.ONLINE);

    assertThat(lone.problems()).extracting(FieldError::message).containsExactly("含有无法识别的字符");
    assertThat(emoji.problems()).isEmpty();
  }

  private static Map<String, Object> answeredWork(String q5) {
    return map("q1", "good", "q2", "good", "q3", "good", "q5", q5);
  }

  private static FormDefinition withApproveMode(FormDefinition form) {
    RecommendationQuestion q = (RecommendationQuestion) form.questions().findFirst().orElseThrow();
    RecommendationQuestion approve = new RecommendationQuestion(q.id(), q.text(), RecommendationQuestion.APPROVE, null,
        q.positions());
    Section section = form.sections().get(0);
    return form.withSections(List.of(new Section(section.id(), section.title(), null, List.of(approve))));
  }

  private static List<String> paths(List<FieldError> problems) {
    return problems.stream().map(FieldError::path).toList();
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    return map;
  }

}
