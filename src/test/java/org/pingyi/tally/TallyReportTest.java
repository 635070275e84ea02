package org.pingyi.tally;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pingyi.ballot.BallotForm;
import org.pingyi.form.FormJson;
import org.pingyi.formeditor.FormTemplates;
import org.pingyi.formeditor.TsvImport;
import org.pingyi.tally.report.CategoryResults;
import org.pingyi.tally.report.Figure;
import org.pingyi.tally.report.FormResults;
import org.pingyi.tally.report.FormResults.WeightedScore;
import org.pingyi.tally.report.FormResults.WeightedWithheld;
import org.pingyi.tally.report.MatrixResult;
import org.pingyi.tally.report.MatrixRowResult;
import org.pingyi.tally.report.OptionCount;
import org.pingyi.tally.report.QuestionResult;
import org.pingyi.tally.report.Quorum;
import org.pingyi.tally.report.RecommendationResult;
import org.pingyi.tally.report.ScaleResult;
import org.pingyi.tally.report.SelectPosition;
import org.pingyi.tally.report.SelectPosition.Votes;
import org.pingyi.tally.report.TurnoutLine;

/** The counting rules of docs/domain.md against hand-computed figures. */
class TallyReportTest {
  private static final BallotForm CADRES = new BallotForm("nc", TsvImport.replaceMatrixRows(
      FormTemplates.create("new-cadres").orElseThrow(), "cadres", "张三\t科员\t副科长\t2025.03"));
  private static final BallotForm REC = new BallotForm("rec", TsvImport.replaceCandidates(
      FormTemplates.create("recommendation").orElseThrow(), "rec", "p1", "赵一\n钱二\n孙三"));
  private static final BallotForm WORK = new BallotForm("work", FormTemplates.create("cadre-work").orElseThrow());
  private static final BallotForm ASSESS = new BallotForm("as", TsvImport.replaceSubjects(
      FormTemplates.create("assessment").orElseThrow(), "刘一\t局长"));
  private static final List<TallyReport.Category> AB = List.of(
      new TallyReport.Category("A", "领导班子成员", 10, 30.0, 10, 0),
      new TallyReport.Category("B", "干部职工代表", 50, 70.0, 50, 0));
  private static final List<TallyReport.Category> ABC = List.of(AB.get(0), AB.get(1),
      new TallyReport.Category("C", "一般干部", 20, null, 20, 0));

  private final List<CountedBallot> ballots = new ArrayList<>();

  @Test
  void exactlyOneThirdDisagreeIsNotFlaggedButAnyMoreIs() {
    for (String option : List.of("agree", "agree", "basic", "disagree", "disagree", "unknown")) cadre("B", option);

    MatrixRowResult row = row(report(CADRES, AB), 0);

    assertThat(counts(row)).containsExactly(2L, 1L, 2L, 1L);
    assertThat(row.favourableRate()).isEqualTo(figure("50.00"));
    assertThat(row.unfavourable()).isEqualTo(new MatrixRowResult.Unfavourable(2, new BigDecimal("33.33"), false));

    cadre("B", "disagree");
    MatrixRowResult seven = row(report(CADRES, AB), 0);
    assertThat(seven.unfavourable()).isEqualTo(new MatrixRowResult.Unfavourable(3, new BigDecimal("42.86"), true));
  }

  @Test
  void withReachesExactlyOneThirdIsFlagged() {
    JsonObject json = FormJson.toJson(CADRES.definition());
    json.getJsonObject("rules").getJsonObject("unfavourable").put("comparison", "reaches");
    BallotForm reaches = new BallotForm("nc", FormJson.parse(json));
    for (String option : List.of("agree", "agree", "basic", "disagree", "disagree", "unknown")) cadre("B", option);

    assertThat(row(report(reaches, AB), 0).unfavourable().flagged()).isTrue();
  }

  @Test
  void candidatesAreCountedOverTheValidBallotsOfTheirPosition() {
    recommend("B", "c1");
    recommend("B", "c1");
    recommend("B", "c2");
    recommend("B", "c1", "c2");          // two marks for one seat: this position's part is invalid
    recommend("B");                      // no mark: valid, abstaining
    ballots.add(new CountedBallot("B", "paper", true, Map.of()));   // unreadable: invalid as a whole

    TallyReport report = report(REC, AB);
    SelectPosition position = position(report);

    assertThat(turnout(report)).extracting(TurnoutLine::returned, TurnoutLine::valid, TurnoutLine::invalid,
        TurnoutLine::paper).containsExactly(6L, 5L, 1L, 2L);
    assertThat(position).extracting(SelectPosition::valid, SelectPosition::invalid, SelectPosition::abstain)
        .containsExactly(4L, 1L, 1L);
    List<Votes> candidates = position.candidates();
    assertThat(candidates).extracting(Votes::name).containsExactly("赵一", "钱二", "孙三");
    assertThat(candidates.get(0)).isEqualTo(new Votes("c1", "赵一", 2, new BigDecimal("50.00"), false));
    assertThat(position.leadingRate()).isEqualTo(new BigDecimal("50.00"));

    recommend("B", "c1");
    assertThat(position(report(REC, AB)).candidates().get(0))
        .isEqualTo(new Votes("c1", "赵一", 3, new BigDecimal("60.00"), true));
  }

  @Test
  void writeInsAreListedWithTheirVotes() {
    ballots.add(recommendationBallot("B", List.of(), List.of("周四")));
    ballots.add(recommendationBallot("B", List.of(), List.of("周四")));
    ballots.add(recommendationBallot("B", List.of("c3"), List.of()));

    List<Votes> writeIns = position(report(REC, AB)).writeIns();

    assertThat(writeIns).containsExactly(new Votes(null, "周四", 2, new BigDecimal("66.67"), true));
  }

  @Test
  void theFavourableRateIsOverTheBallotsThatAnsweredTheItem() {
    for (String q1 : List.of("good", "good", "good", "fair", "average")) work("B", q1);
    ballots.add(new CountedBallot("B", "paper", false, Map.of("work", Map.of())));   // q1 left blank on paper

    ScaleResult q1 = (ScaleResult) question(report(WORK, AB), 0, 0);

    assertThat(q1.answered()).isEqualTo(5);
    assertThat(q1.favourableRate()).isEqualTo(figure("80.00"));
    assertThat(q1.favourableRateExcludingUnknown()).as("no 不了解 option").isNull();
  }

  @Test
  void theUnknownOptionIsLeftOutOfTheSecondRate() {
    JsonObject json = FormJson.toJson(WORK.definition());
    json.getJsonArray("sections").getJsonObject(0).getJsonArray("questions").getJsonObject(0).getJsonArray("options")
        .add(new JsonObject().put("id", "unknown").put("label", "不了解").put("unknown", true));
    BallotForm withUnknown = new BallotForm("work", FormJson.parse(json));
    for (String q1 : List.of("good", "fair", "poor", "unknown")) work("B", q1);

    ScaleResult q1 = (ScaleResult) question(report(withUnknown, AB), 0, 0);

    assertThat(q1.favourableRate()).isEqualTo(figure("50.00"));
    assertThat(q1.favourableRateExcludingUnknown()).isEqualTo(figure("66.67"));
  }

  @Test
  void aCategoryBelowTheMinimumGroupSizeShowsNoFiguresAndNeitherDoesTheOnlyOtherOne() {
    for (int i = 0; i < 4; i++) cadre("A", "disagree");
    for (int i = 0; i < 5; i++) cadre("B", "agree");

    List<CategoryResults> categories = form(report(CADRES, AB)).categories();

    assertThat(categories.get(0)).isEqualTo(new CategoryResults("A", "领导班子成员", 4, null, "small"));
    // Overall − B would be A's figures exactly: B is hidden too.
    assertThat(categories.get(1)).isEqualTo(new CategoryResults("B", "干部职工代表", 5, null, "complementary"));
    assertThat(categories).noneMatch(CategoryResults::shown);
  }

  @Test
  void theSmallestLargeCategoryIsHiddenWithTheTinyOneAndTheRestAreShown() {
    for (int i = 0; i < 4; i++) cadre("A", "disagree");
    for (int i = 0; i < 5; i++) cadre("B", "agree");
    for (int i = 0; i < 6; i++) cadre("C", "basic");

    List<CategoryResults> categories = form(report(CADRES, ABC)).categories();

    assertThat(categories.get(0)).extracting(CategoryResults::suppressed, CategoryResults::sections)
        .containsExactly("small", null);
    assertThat(categories.get(1)).extracting(CategoryResults::suppressed, CategoryResults::sections)
        .containsExactly("complementary", null);
    assertThat(categories.get(2).shown()).isTrue();
    assertThat(categories.get(2).suppressed()).isNull();
    MatrixResult c = (MatrixResult) categories.get(2).sections().get(0).questions().get(0);
    assertThat(counts(c.rows().get(0))).containsExactly(0L, 6L, 0L, 0L);
  }

  @Test
  void overallMinusTheShownCategoriesNeverGivesASmallGroupsFigures() {
    for (long[] sizes : new long[][] {{2, 40, 0}, {2, 3, 40}, {1, 6, 7}, {4, 5, 6}, {3, 0, 8}, {4, 9, 30}, {5, 5, 5}}) {
      ballots.clear();
      List<String> options = List.of("agree", "basic", "disagree", "unknown");
      for (int k = 0; k < 3; k++) {
        for (int i = 0; i < sizes[k]; i++) cadre(List.of("A", "B", "C").get(k), options.get((i + k) % 4));
      }
      Map<String, Long> counters = sum(List.of(CADRES));
      List<String> shown = form(TallyReport.of(List.of(CADRES), counters, ABC, 60, Disclosure.FINAL)).categories()
          .stream().filter(CategoryResults::shown).map(CategoryResults::code).toList();
      long remainder = remainder(counters, shown, "ballots");
      Set<String> keys = new TreeSet<>();
      counters.keySet().forEach(k -> keys.add(k.startsWith("c:") ? k.substring(k.indexOf('|') + 1) : k));
      for (int k = 0; k < 3; k++) {
        String code = List.of("A", "B", "C").get(k);
        if (sizes[k] == 0 || sizes[k] >= 5) continue;
        boolean allEqual = keys.stream()
            .allMatch(key -> remainder(counters, shown, key) == counters.getOrDefault("c:" + code + "|" + key, 0L));
        assertThat(!allEqual || remainder >= 5).as("sizes %s, small %s", java.util.Arrays.toString(sizes), code).isTrue();
      }
      assertThat(remainder == 0 || remainder >= 5).as("hidden ballots for %s", java.util.Arrays.toString(sizes)).isTrue();
    }
  }

  @Test
  void gradesScoresAndTheCategoryWeightedResult() {
    for (int i = 0; i < 5; i++) assess("A", "good", "excellent");
    for (int i = 0; i < 5; i++) assess("B", "fair", "competent");
    List<TallyReport.Category> withEmpty = new ArrayList<>(AB);
    withEmpty.add(new TallyReport.Category("C", "一般干部", 20, 50.0, 20, 0));   // returned nothing: renormalised away

    TallyReport report = report(ASSESS, withEmpty);
    ScaleResult overall = (ScaleResult) question(report, 0, 1);

    assertThat(overall.excellentRate()).isEqualTo(figure("50.00"));
    assertThat(overall.competentOrBetterRate()).isEqualTo(figure("100.00"));
    assertThat(((MatrixResult) question(report, 0, 0)).score()).isEqualTo(figure("90.00"));
    assertThat(form(report).weighted().get(0)).extracting(WeightedScore::subject, WeightedScore::score)
        .containsExactly("刘一", new BigDecimal("86.00"));
    assertThat(form(report).weightedWithheld()).isNull();
  }

  @Test
  void theWeightedResultIsWithheldWhenAWeightedCategoryIsSuppressed() {
    for (int i = 0; i < 2; i++) assess("A", "good", "excellent");
    for (int i = 0; i < 8; i++) assess("B", "fair", "competent");

    FormResults form = form(report(ASSESS, AB));

    // Overall (2a + 8b) / 10 and weighted 0.3a + 0.7b would give A's average a: no weighted score at all.
    assertThat(form.weighted()).isEmpty();
    assertThat(form.weightedWithheld()).isEqualTo(new WeightedWithheld("suppressedCategory", List.of("A", "B"), 5));
    assertThat(((MatrixResult) question(report(ASSESS, AB), 0, 0)).score()).isEqualTo(figure("84.00"));
  }

  @Test
  void anUnweightedSmallCategoryDoesNotWithholdTheWeightedResult() {
    for (int i = 0; i < 2; i++) assess("A", "good", "excellent");
    for (int i = 0; i < 3; i++) assess("C", "fair", "competent");
    for (int i = 0; i < 8; i++) assess("B", "fair", "competent");
    List<TallyReport.Category> cats = List.of(new TallyReport.Category("A", "领导班子成员", 10, null, 10, 0),
        AB.get(1), new TallyReport.Category("C", "一般干部", 20, null, 20, 0));

    FormResults form = form(report(ASSESS, cats));

    // A and C hide 5 together, B stays shown; only B is weighted, so the result is B's own score.
    assertThat(form.weightedWithheld()).isNull();
    assertThat(form.weighted().get(0).score()).isEqualTo(new BigDecimal("80.00"));
  }

  @Test
  void theWeightedResultIsRoundedOnceFromTheCategoriesExactScores() {
    for (int i = 0; i < 5; i++) assess("A", "fair", "competent");       // A: (5 × 80 + 5 × 60) / 10 = 70
    for (int i = 0; i < 5; i++) assess("A", "average", "competent");
    assess("B", "good", "excellent");                                      // B: (100 + 3 × 80 + 3 × 60) / 7 = 520/7
    for (int i = 0; i < 3; i++) assess("B", "fair", "competent");
    for (int i = 0; i < 3; i++) assess("B", "average", "competent");
    for (int i = 0; i < 19; i++) assess("C", "average", "competent");    // C: (19 × 60 + 40) / 20 = 59
    assess("C", "poor", "basic");
    List<TallyReport.Category> cats = List.of(new TallyReport.Category("A", "领导班子成员", 10, 30.0, 10, 0),
        new TallyReport.Category("B", "中层干部", 10, 40.0, 10, 0), new TallyReport.Category("C", "一般干部", 20, 30.0, 20, 0));

    // 0.3 × 70 + 0.4 × 74.2857… + 0.3 × 59 = 68.4143: 68.41, not the 68.42 that B rounded to 74.29 first gives.
    assertThat(form(report(ASSESS, cats)).weighted().get(0).score()).isEqualTo(new BigDecimal("68.41"));
  }

  @Test
  void rowWeightsChangeThePersonsScore() {
    JsonObject json = FormJson.toJson(ASSESS.definition());
    var rows = json.getJsonArray("sections").getJsonObject(0).getJsonArray("questions").getJsonObject(0).getJsonArray("rows");
    int[] weights = {20, 15, 15, 30, 20};
    for (int i = 0; i < 5; i++) rows.getJsonObject(i).put("weight", weights[i]);
    BallotForm weighted = new BallotForm("as", FormJson.parse(json));
    Map<String, Object> rowsAnswer = new LinkedHashMap<>();
    String[] options = {"good", "good", "good", "poor", "good"};   // 绩 poor: 40 × 30 + 100 × 70 = 82
    String[] ids = {"de", "neng", "qin", "ji", "lian"};
    for (int i = 0; i < 5; i++) rowsAnswer.put(ids[i], Map.of("option", options[i]));
    ballots.add(new CountedBallot("B", "phone", false, Map.of("as", Map.of("p1-rows", rowsAnswer))));

    assertThat(((MatrixResult) question(report(weighted, AB), 0, 0)).score()).isEqualTo(figure("82.00"));
  }

  @Test
  void turnoutOnlyCarriesNoResultsAtAll() {
    cadre("B", "agree");

    TallyReport report = TallyReport.of(List.of(CADRES), sum(List.of(CADRES)), AB, 60, Disclosure.TURNOUT);

    assertThat(report.forms()).isNull();
    assertThat(TallyJson.of(report).fieldNames()).containsExactly("turnout");
    assertThat(TallyJson.of(report).encode()).doesNotContain("agree", "认同", "count");
  }

  @Test
  void moreBallotsThanSlipsIssuedIsFlagged() {
    cadre("B", "agree");
    cadre("B", "agree");
    List<TallyReport.Category> oneSlip = List.of(new TallyReport.Category("B", "干部职工代表", 50, null, 2, 1));

    assertThat(turnout(report(CADRES, oneSlip))).extracting(TurnoutLine::issued, TurnoutLine::returnedExceedsIssued)
        .containsExactly(1L, true);
  }

  @Test
  void theQuorumIsTwoThirdsOfTheExpectedByDefault() {
    for (int i = 0; i < 40; i++) recommend("B", "c1");

    Quorum quorum = form(TallyReport.of(List.of(REC), sum(List.of(REC)), AB, 60, Disclosure.FINAL)).quorum();

    assertThat(quorum).isEqualTo(new Quorum("2/3", 40, 40, true));
  }

  private void cadre(String category, String option) {
    ballots.add(new CountedBallot(category, "phone", false, Map.of("nc", Map.of("cadres",
        Map.of("r1", Map.of("option", option, "extra", Map.of("canvass", "no")))))));
  }

  private void recommend(String category, String... candidates) {
    ballots.add(recommendationBallot(category, List.of(candidates), List.of()));
  }

  private static CountedBallot recommendationBallot(String category, List<String> selected, List<String> writeIns) {
    Map<String, Object> part = new HashMap<>();
    if (!selected.isEmpty()) part.put("selected", selected);
    if (!writeIns.isEmpty()) part.put("writeIns", writeIns);
    return new CountedBallot(category, selected.size() > 1 ? "paper" : "phone", false,
        Map.of("rec", part.isEmpty() ? Map.of() : Map.of("rec", Map.of("p1", part))));
  }

  private void work(String category, String q1) {
    ballots.add(new CountedBallot(category, "phone", false, Map.of("work", Map.of("q1", q1))));
  }

  private void assess(String category, String rows, String overall) {
    Map<String, Object> rowAnswers = new LinkedHashMap<>();
    for (String id : List.of("de", "neng", "qin", "ji", "lian")) rowAnswers.put(id, Map.of("option", rows));
    ballots.add(new CountedBallot(category, "phone", false,
        Map.of("as", Map.of("p1-rows", rowAnswers, "p1-overall", overall))));
  }

  private Map<String, Long> sum(List<BallotForm> forms) {
    Map<String, Long> total = new HashMap<>();
    ballots.forEach(b -> {
      TallyCounters.addInto(total, TallyCounters.of(forms, b));
      TallyCounters.addInto(total, TallyCounters.turnout(b.categoryCode(), b.channel()));
    });
    return total;
  }

  private TallyReport report(BallotForm form, List<TallyReport.Category> categories) {
    return TallyReport.of(List.of(form), sum(List.of(form)), categories, 60, Disclosure.FINAL);
  }

  /** Overall minus the shown categories, for one counter key: the figure of the hidden categories together. */
  private static long remainder(Map<String, Long> counters, List<String> shown, String key) {
    long rest = counters.getOrDefault(key, 0L);
    for (String code : shown) rest -= counters.getOrDefault("c:" + code + "|" + key, 0L);
    return rest;
  }

  private static FormResults form(TallyReport report) {
    return report.forms().get(0);
  }

  private static TurnoutLine turnout(TallyReport report) {
    return report.turnout().overall();
  }

  private static QuestionResult question(TallyReport report, int section, int question) {
    return form(report).sections().get(section).questions().get(question);
  }

  private static MatrixRowResult row(TallyReport report, int row) {
    return ((MatrixResult) question(report, 0, 0)).rows().get(row);
  }

  private static SelectPosition position(TallyReport report) {
    return (SelectPosition) ((RecommendationResult) question(report, 0, 0)).positions().get(0);
  }

  private static List<Long> counts(MatrixRowResult row) {
    return row.options().stream().map(OptionCount::count).toList();
  }

  private static Figure figure(String percent) {
    return new Figure(new BigDecimal(percent));
  }
}
