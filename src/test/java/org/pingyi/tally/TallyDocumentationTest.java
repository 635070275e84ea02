package org.pingyi.tally;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.ballot.BallotForm;
import org.pingyi.form.FormJson;
import org.pingyi.form.FormTemplates;
import org.pingyi.form.TsvImport;
import org.pingyi.support.Api;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Voting;
import org.yaml.snakeyaml.Yaml;

/**
 * Every field the tally gives is described in openapi.yaml, with its type: the served snapshot of a closed event,
 * and reports of all four templates with every optional part present (不了解, reasons and extra scales, write-ins, the
 * 同意/不同意/弃权 mode, a quorum, a suppressed category, 分类考核 weighted and withheld).
 */
class TallyDocumentationTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  private static Map<String, Object> schemas;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void readTheDocument() throws IOException {
    try (InputStream in = TallyDocumentationTest.class.getResourceAsStream("/openapi.yaml")) {
      Map<String, Object> document = new Yaml().load(in);
      schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
    }
  }

  @Test
  void theServedSnapshotOfAClosedEventIsDescribedFieldByField() {
    Api organizer = server.api().asAdmin();
    Voting voting = Voting.open(organizer, "文档核对");
    for (String token : voting.slips(organizer, "B", 6)) {
      server.api().post("/api/v/" + token, Voting.ballot(Voting.newNonce(), voting.validAnswers()));
    }
    organizer.post("/api/events/" + voting.eventId + "/close", null);

    JsonObject snapshot = organizer.get("/api/events/" + voting.eventId + "/tally").bodyAsJsonObject();

    assertThat(snapshot.getJsonArray("forms")).isNotEmpty();
    assertThat(undocumented(snapshot)).isEmpty();
  }

  @Test
  void reportsOfEveryTemplateWithEveryOptionalPartAreDescribed() {
    List<BallotForm> forms = List.of(cadreWorkWithUnknown(), newCadres(), recommendation("select"),
        recommendation("approve"), assessment());
    List<TallyReport.Category> smallA = List.of(new TallyReport.Category("A", "领导班子成员", 10, 30.0, 10, 0),
        new TallyReport.Category("B", "干部职工代表", 50, 70.0, 50, 0));
    Map<String, Long> counters = new HashMap<>();
    for (int i = 0; i < 2; i++) cast(counters, forms, "A");
    for (int i = 0; i < 8; i++) cast(counters, forms, "B");
    Map<String, Long> bothShown = new HashMap<>(counters);
    for (int i = 0; i < 3; i++) cast(bothShown, forms, "A");

    JsonObject withheld = snapshot(TallyReport.of(forms, counters, smallA, 60, Disclosure.FINAL));
    JsonObject weighted = snapshot(TallyReport.of(forms, bothShown, smallA, 60, Disclosure.FINAL));
    JsonObject live = snapshot(TallyReport.of(forms, bothShown, smallA, 60, Disclosure.LIVE));

    assertThat(withheld.encode()).contains("\"weightedWithheld\"", "\"suppressed\":\"small\"", "\"writeIns\":[{",
        "\"favourableRateExcludingUnknown\"", "\"reasons\"", "\"extra\"", "\"quorum\"", "\"options\":[{\"id\":\"agree\"");
    assertThat(weighted.encode()).contains("\"weighted\":[{");
    assertThat(live.encode()).contains("\"suppressed\":\"untilClose\"");
    for (JsonObject report : List.of(withheld, weighted, live)) assertThat(undocumented(report)).isEmpty();
  }

  /** The report as the snapshot carries it, through JSON, as a client reads it. */
  private static JsonObject snapshot(TallyReport report) {
    return new JsonObject(TallyJson.of(report).encode());
  }

  private static void cast(Map<String, Long> counters, List<BallotForm> forms, String category) {
    Map<String, Object> answers = new LinkedHashMap<>();
    answers.put("work", Map.of("q1", "unknown", "q2", "good", "q4", List.of("p1", "p2")));
    answers.put("nc", Map.of("cadres", Map.of("r1", Map.of("option", "disagree", "reasons", List.of("ability"),
        "extra", Map.of("canvass", "no")))));
    answers.put("rec", Map.of("rec", Map.of("p1", Map.of("writeIns", List.of("周四")))));
    answers.put("appr", Map.of("rec", Map.of("p1", Map.of("c1", "agree", "c2", "disagree"))));
    Map<String, Object> rows = new LinkedHashMap<>();
    for (String id : List.of("de", "neng", "qin", "ji", "lian")) rows.put(id, Map.of("option", "good"));
    answers.put("as", Map.of("p1-rows", rows, "p1-overall", "excellent"));
    CountedBallot ballot = new CountedBallot(category, "phone", false, answers);
    TallyCounters.addInto(counters, TallyCounters.of(forms, ballot));
    TallyCounters.addInto(counters, TallyCounters.turnout(category, "phone"));
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

  /** The paths of fields the schema does not describe, or describes with another type. */
  private static List<String> undocumented(JsonObject snapshot) {
    List<String> problems = new ArrayList<>();
    check(snapshot, schema("TallySnapshot"), "$", problems);
    return problems;
  }

  @SuppressWarnings("unchecked")
  private static void check(Object value, Map<String, Object> schema, String path, List<String> problems) {
    schema = resolved(schema);
    if (value == null) {
      if (!Boolean.TRUE.equals(schema.get("nullable"))) problems.add(path + " is null, which the schema does not allow");
      return;
    }
    String type = (String) schema.get("type");
    if (type != null && !hasType(value, type)) problems.add(path + " is " + value.getClass().getSimpleName() + ", not " + type);
    List<Object> allowed = (List<Object>) schema.get("enum");
    if (allowed != null && !allowed.contains(value)) problems.add(path + " = " + value + " is not in " + allowed);
    if (value instanceof JsonObject object) {
      Map<String, Object> properties = properties(schema);
      Object additional = schema.get("additionalProperties");
      for (String key : object.fieldNames()) {
        Object described = properties.containsKey(key) ? properties.get(key) : additional;
        if (described instanceof Map<?, ?> map) check(object.getValue(key), (Map<String, Object>) map, path + "." + key, problems);
        else problems.add(path + "." + key + " is not described");
      }
    } else if (value instanceof JsonArray array) {
      Map<String, Object> items = (Map<String, Object>) schema.get("items");
      if (items == null) problems.add(path + " has no items schema");
      else for (Object item : array) check(item, items, path + "[]", problems);
    }
  }

  /** Own properties and those of allOf parts. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> properties(Map<String, Object> schema) {
    Map<String, Object> all = new LinkedHashMap<>();
    for (Object part : (List<Object>) schema.getOrDefault("allOf", List.of())) {
      all.putAll(properties(resolved((Map<String, Object>) part)));
    }
    all.putAll((Map<String, Object>) schema.getOrDefault("properties", Map.of()));
    return all;
  }

  private static boolean hasType(Object value, String type) {
    return switch (type) {
      case "object" -> value instanceof JsonObject;
      case "array" -> value instanceof JsonArray;
      case "integer" -> value instanceof Integer || value instanceof Long;
      case "number" -> value instanceof Number;
      case "string" -> value instanceof String;
      case "boolean" -> value instanceof Boolean;
      default -> false;
    };
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> resolved(Map<String, Object> schema) {
    Object ref = schema.get("$ref");
    return ref == null ? schema : schema(((String) ref).substring("#/components/schemas/".length()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> schema(String name) {
    return (Map<String, Object>) schemas.get(name);
  }
}
