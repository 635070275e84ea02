package org.pingyi.tally;

import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingyi.ballot.BallotForm;
import org.pingyi.form.FormJson;
import org.pingyi.formeditor.FormTemplates;
import org.pingyi.formeditor.TsvImport;

/**
 * Reports of all four templates with every optional part present, plus a turnout-only one, one of three categories
 * all shown and an empty one: the cases whose JSON must never change by accident (TallyJsonTest), each checked
 * against the API's schemas (TallyDocumentationTest).
 */
final class RichReports {
  static final List<BallotForm> FORMS = List.of(cadreWorkWithUnknown(), newCadres(), recommendation("select"),
      recommendation("approve"), assessment());
  static final List<TallyReport.Category> SMALL_A = List.of(new TallyReport.Category("A", "领导班子成员", 10, 30.0, 10, 0),
      new TallyReport.Category("B", "干部职工代表", 50, 70.0, 50, 0));
  static final List<TallyReport.Category> ABC = List.of(SMALL_A.get(0), SMALL_A.get(1),
      new TallyReport.Category("C", "一般干部", 20, null, 20, 1));

  private RichReports() {
  }

  /** Each case by name, its report's JSON as the snapshot carries it. */
  static Map<String, JsonObject> all() {
    Map<String, Long> counters = new HashMap<>();
    for (int i = 0; i < 2; i++) cast(counters, "A");
    for (int i = 0; i < 8; i++) cast(counters, "B");
    Map<String, Long> bothShown = new HashMap<>(counters);
    for (int i = 0; i < 3; i++) cast(bothShown, "A");
    Map<String, Long> complementary = new HashMap<>(bothShown);
    for (int i = 0; i < 9; i++) cast(complementary, "C");
    Map<String, JsonObject> out = new LinkedHashMap<>();
    out.put("withheld", json(TallyReport.of(FORMS, counters, SMALL_A, 60, Disclosure.FINAL)));
    out.put("weighted", json(TallyReport.of(FORMS, bothShown, SMALL_A, 60, Disclosure.FINAL)));
    out.put("live", json(TallyReport.of(FORMS, bothShown, SMALL_A, 60, Disclosure.LIVE)));
    out.put("turnoutOnly", json(TallyReport.of(FORMS, bothShown, SMALL_A, 60, Disclosure.TURNOUT)));
    out.put("complementary", json(TallyReport.of(FORMS, complementary, ABC, 5, Disclosure.FINAL)));
    out.put("empty", json(TallyReport.of(FORMS, Map.of(), ABC, 0, Disclosure.FINAL)));
    return out;
  }

  private static JsonObject json(TallyReport report) {
    return TallyJson.of(report);
  }

  private static void cast(Map<String, Long> counters, String category) {
    Map<String, Object> answers = new LinkedHashMap<>();
    answers.put("work", Map.of("q1", "unknown", "q2", "good", "q4", List.of("p1", "p2")));
    answers.put("nc", Map.of("cadres", Map.of("r1", Map.of("option", "disagree", "reasons", List.of("ability"),
        "extra", Map.of("canvass", "no")))));
    answers.put("rec", Map.of("rec", Map.of("p1", "A".equals(category)
        ? Map.of("writeIns", List.of("周四")) : Map.of("selected", List.of("c2")))));
    answers.put("appr", Map.of("rec", Map.of("p1", Map.of("c1", "agree", "c2", "disagree"))));
    Map<String, Object> rows = new LinkedHashMap<>();
    for (String id : List.of("de", "neng", "qin", "ji", "lian")) rows.put(id, Map.of("option", "good"));
    answers.put("as", Map.of("p1-rows", rows, "p1-overall", "excellent"));
    CountedBallot ballot = new CountedBallot(category, "A".equals(category) ? "paper" : "phone", false, answers);
    TallyCounters.addInto(counters, TallyCounters.of(FORMS, ballot));
    TallyCounters.addInto(counters, TallyCounters.turnout(category, ballot.channel()));
  }

  private static BallotForm cadreWorkWithUnknown() {
    JsonObject json = FormJson.toJson(FormTemplates.create("cadre-work").orElseThrow());
    json.getJsonArray("sections").getJsonObject(0).getJsonArray("questions").getJsonObject(0).getJsonArray("options")
        .add(new JsonObject().put("id", "unknown").put("label", "不了解").put("unknown", true));
    return new BallotForm("work", FormJson.parse(json));
  }

  private static BallotForm newCadres() {
    return new BallotForm("nc", TsvImport.replaceMatrixRows(FormTemplates.create("new-cadres").orElseThrow(), "cadres",
        "张三\t科员\t副科长\t2025.03"));
  }

  private static BallotForm recommendation(String mode) {
    JsonObject json = FormJson.toJson(TsvImport.replaceCandidates(FormTemplates.create("recommendation").orElseThrow(),
        "rec", "p1", "赵一\n钱二\n孙三"));
    json.getJsonArray("sections").getJsonObject(0).getJsonArray("questions").getJsonObject(0).put("mode", mode);
    return new BallotForm(mode.equals("select") ? "rec" : "appr", FormJson.parse(json));
  }

  private static BallotForm assessment() {
    return new BallotForm("as", TsvImport.replaceSubjects(FormTemplates.create("assessment").orElseThrow(), "刘一\t局长"));
  }
}
