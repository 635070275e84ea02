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
import org.pingyi.form.FormTemplates;
import org.pingyi.form.TsvImport;

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

    Map<String, Object> row = row(report(CADRES, AB), 0);

    assertThat(counts(row)).containsExactly(2L, 1L, 2L, 1L);
    assertThat(row.get("favourableRate")).isEqualTo(new BigDecimal("50.00"));
    assertThat(row.get("unfavourableRate")).isEqualTo(new BigDecimal("33.33"));
    assertThat(row.get("flagged")).isEqualTo(false);

    cadre("B", "disagree");
    Map<String, Object> seven = row(report(CADRES, AB), 0);
    assertThat(seven.get("unfavourableRate")).isEqualTo(new BigDecimal("42.86"));
    assertThat(seven.get("flagged")).isEqualTo(true);
  }

  @Test
  void withReachesExactlyOneThirdIsFlagged() {
    JsonObject json = FormJson.toJson(CADRES.definition());
    json.getJsonObject("rules").getJsonObject("unfavourable").put("comparison", "reaches");
    BallotForm reaches = new BallotForm("nc", FormJson.parse(json));
    for (String option : List.of("agree", "agree", "basic", "disagree", "disagree", "unknown")) cadre("B", option);

    assertThat(row(report(reaches, AB), 0).get("flagged")).isEqualTo(true);
  }

  @Test
  void candidatesAreCountedOverTheValidBallotsOfTheirPosition() {
    recommend("B", "c1");
    recommend("B", "c1");
    recommend("B", "c2");
    recommend("B", "c1", "c2");          // two marks for one seat: this position's part is invalid
    recommend("B");                      // no mark: valid, abstaining
    ballots.add(new CountedBallot("B", "paper", true, Map.of()));   // unreadable: invalid as a whole

    Map<String, Object> report = report(REC, AB);
    Map<String, Object> position = position(report);

    assertThat(turnout(report)).containsEntry("returned", 6L).containsEntry("valid", 5L).containsEntry("invalid", 1L)
        .containsEntry("paper", 2L);
    assertThat(position).containsEntry("valid", 4L).containsEntry("invalid", 1L).containsEntry("abstain", 1L);
    List<Map<String, Object>> candidates = list(position.get("candidates"));
    assertThat(candidates).extracting(c -> c.get("name")).containsExactly("赵一", "钱二", "孙三");
    assertThat(candidates.get(0)).containsEntry("count", 2L).containsEntry("percent", new BigDecimal("50.00"))
        .containsEntry("majority", false);
    assertThat(position.get("leadingRate")).isEqualTo(new BigDecimal("50.00"));

    recommend("B", "c1");
    assertThat(list(position(report(REC, AB)).get("candidates")).get(0)).containsEntry("count", 3L)
        .containsEntry("percent", new BigDecimal("60.00")).containsEntry("majority", true);
  }

  @Test
  void writeInsAreListedWithTheirVotes() {
    ballots.add(recommendationBallot("B", List.of(), List.of("周四")));
    ballots.add(recommendationBallot("B", List.of(), List.of("周四")));
    ballots.add(recommendationBallot("B", List.of("c3"), List.of()));

    List<Map<String, Object>> writeIns = list(position(report(REC, AB)).get("writeIns"));

    assertThat(writeIns).hasSize(1);
    assertThat(writeIns.get(0)).containsEntry("name", "周四").containsEntry("count", 2L)
        .containsEntry("percent", new BigDecimal("66.67")).containsEntry("majority", true);
  }

  @Test
  void theFavourableRateIsOverTheBallotsThatAnsweredTheItem() {
    for (String q1 : List.of("good", "good", "good", "fair", "average")) work("B", q1);
    ballots.add(new CountedBallot("B", "paper", false, Map.of("work", Map.of())));   // q1 left blank on paper

    Map<String, Object> q1 = question(report(WORK, AB), 0, 0);

    assertThat(q1).containsEntry("answered", 5L).containsEntry("favourableRate", new BigDecimal("80.00"));
  }

  @Test
  void theUnknownOptionIsLeftOutOfTheSecondRate() {
    JsonObject json = FormJson.toJson(WORK.definition());
    json.getJsonArray("sections").getJsonObject(0).getJsonArray("questions").getJsonObject(0).getJsonArray("options")
        .add(new JsonObject().put("id", "unknown").put("label", "不了解").put("unknown", true));
    BallotForm withUnknown = new BallotForm("work", FormJson.parse(json));
    for (String q1 : List.of("good", "fair", "poor", "unknown")) work("B", q1);

    Map<String, Object> q1 = question(report(withUnknown, AB), 0, 0);

    assertThat(q1).containsEntry("favourableRate", new BigDecimal("50.00"))
        .containsEntry("favourableRateExcludingUnknown", new BigDecimal("66.67"));
  }

  @Test
  void aCategoryBelowTheMinimumGroupSizeShowsNoFiguresAndNeitherDoesTheOnlyOtherOne() {
    for (int i = 0; i < 4; i++) cadre("A", "disagree");
    for (int i = 0; i < 5; i++) cadre("B", "agree");

    List<Map<String, Object>> categories = list(form(report(CADRES, AB)).get("categories"));

    assertThat(categories.get(0)).containsEntry("shown", false).containsEntry("suppressed", "small")
        .doesNotContainKey("sections");
    // Overall − B would be A's figures exactly: B is hidden too.
    assertThat(categories.get(1)).containsEntry("shown", false).containsEntry("suppressed", "complementary")
        .containsEntry("ballots", 5L).doesNotContainKey("sections");
  }

  @Test
  void theSmallestLargeCategoryIsHiddenWithTheTinyOneAndTheRestAreShown() {
    for (int i = 0; i < 4; i++) cadre("A", "disagree");
    for (int i = 0; i < 5; i++) cadre("B", "agree");
    for (int i = 0; i < 6; i++) cadre("C", "basic");

    List<Map<String, Object>> categories = list(form(report(CADRES, ABC)).get("categories"));

    assertThat(categories.get(0)).containsEntry("suppressed", "small").doesNotContainKey("sections");
    assertThat(categories.get(1)).containsEntry("suppressed", "complementary").doesNotContainKey("sections");
    assertThat(categories.get(2)).containsEntry("shown", true).doesNotContainKey("suppressed").containsKey("sections");
    Map<String, Object> c = list(list(list(categories.get(2).get("sections")).get(0).get("questions")).get(0)
        .get("rows")).get(0);
    assertThat(counts(c)).containsExactly(0L, 6L, 0L, 0L);
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
      List<String> shown = list(form(TallyReport.of(List.of(CADRES), counters, ABC, 60, Disclosure.FINAL)).get("categories"))
          .stream().filter(c -> Boolean.TRUE.equals(c.get("shown"))).map(c -> (String) c.get("code")).toList();
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

    Map<String, Object> report = report(ASSESS, withEmpty);
    Map<String, Object> overall = question(report, 0, 1);

    assertThat(overall).containsEntry("excellentRate", new BigDecimal("50.00"))
        .containsEntry("competentOrBetterRate", new BigDecimal("100.00"));
    assertThat(question(report, 0, 0).get("score")).isEqualTo(new BigDecimal("90.00"));
    assertThat(list(form(report).get("weighted")).get(0)).containsEntry("subject", "刘一")
        .containsEntry("score", new BigDecimal("86.00"));
    assertThat(form(report)).doesNotContainKey("weightedWithheld");
  }

  @Test
  void theWeightedResultIsWithheldWhenAWeightedCategoryIsSuppressed() {
    for (int i = 0; i < 2; i++) assess("A", "good", "excellent");
    for (int i = 0; i < 8; i++) assess("B", "fair", "competent");

    Map<String, Object> form = form(report(ASSESS, AB));

    // Overall (2a + 8b) / 10 and weighted 0.3a + 0.7b would give A's average a: no weighted score at all.
    assertThat(form).doesNotContainKey("weighted");
    assertThat(map(form.get("weightedWithheld"))).containsEntry("reason", "suppressedCategory")
        .containsEntry("categories", List.of("A", "B")).containsEntry("minGroupSize", 5);
    assertThat(question(report(ASSESS, AB), 0, 0).get("score")).isEqualTo(new BigDecimal("84.00"));
  }

  @Test
  void anUnweightedSmallCategoryDoesNotWithholdTheWeightedResult() {
    for (int i = 0; i < 2; i++) assess("A", "good", "excellent");
    for (int i = 0; i < 3; i++) assess("C", "fair", "competent");
    for (int i = 0; i < 8; i++) assess("B", "fair", "competent");
    List<TallyReport.Category> cats = List.of(new TallyReport.Category("A", "领导班子成员", 10, null, 10, 0),
        AB.get(1), new TallyReport.Category("C", "一般干部", 20, null, 20, 0));

    Map<String, Object> form = form(report(ASSESS, cats));

    // A and C hide 5 together, B stays shown; only B is weighted, so the result is B's own score.
    assertThat(form).doesNotContainKey("weightedWithheld");
    assertThat(list(form.get("weighted")).get(0)).containsEntry("score", new BigDecimal("80.00"));
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
    assertThat(list(form(report(ASSESS, cats)).get("weighted")).get(0)).containsEntry("score", new BigDecimal("68.41"));
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

    assertThat(question(report(weighted, AB), 0, 0).get("score")).isEqualTo(new BigDecimal("82.00"));
  }

  @Test
  void turnoutOnlyCarriesNoResultsAtAll() {
    cadre("B", "agree");

    Map<String, Object> report = TallyReport.of(List.of(CADRES), sum(List.of(CADRES)), AB, 60, Disclosure.TURNOUT);

    assertThat(report).containsOnlyKeys("turnout");
    assertThat(new JsonObject(report).encode()).doesNotContain("agree", "认同", "count");
  }

  @Test
  void moreBallotsThanSlipsIssuedIsFlagged() {
    cadre("B", "agree");
    cadre("B", "agree");
    List<TallyReport.Category> oneSlip = List.of(new TallyReport.Category("B", "干部职工代表", 50, null, 2, 1));

    assertThat(turnout(report(CADRES, oneSlip))).containsEntry("issued", 1L).containsEntry("returnedExceedsIssued", true);
  }

  @Test
  void theQuorumIsTwoThirdsOfTheExpectedByDefault() {
    for (int i = 0; i < 40; i++) recommend("B", "c1");

    Map<String, Object> quorum = map(form(TallyReport.of(List.of(REC), sum(List.of(REC)), AB, 60, Disclosure.FINAL)).get("quorum"));

    assertThat(quorum).containsEntry("required", 40L).containsEntry("present", 40L).containsEntry("reached", true);
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

  private Map<String, Object> report(BallotForm form, List<TallyReport.Category> categories) {
    return TallyReport.of(List.of(form), sum(List.of(form)), categories, 60, Disclosure.FINAL);
  }

  /** Overall minus the shown categories, for one counter key: the figure of the hidden categories together. */
  private static long remainder(Map<String, Long> counters, List<String> shown, String key) {
    long rest = counters.getOrDefault(key, 0L);
    for (String code : shown) rest -= counters.getOrDefault("c:" + code + "|" + key, 0L);
    return rest;
  }

  private static Map<String, Object> form(Map<String, Object> report) {
    return list(report.get("forms")).get(0);
  }

  private static Map<String, Object> turnout(Map<String, Object> report) {
    return map(report.get("turnout"));
  }

  private static Map<String, Object> question(Map<String, Object> report, int section, int question) {
    return list(list(form(report).get("sections")).get(section).get("questions")).get(question);
  }

  private static Map<String, Object> row(Map<String, Object> report, int row) {
    return list(question(report, 0, 0).get("rows")).get(row);
  }

  private static Map<String, Object> position(Map<String, Object> report) {
    return list(question(report, 0, 0).get("positions")).get(0);
  }

  private static List<Long> counts(Map<String, Object> row) {
    return list(row.get("options")).stream().map(o -> (Long) o.get("count")).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

}
