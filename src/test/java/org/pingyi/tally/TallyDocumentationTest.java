package org.pingyi.tally;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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
    Map<String, JsonObject> reports = RichReports.all();

    assertThat(reports.get("withheld").encode()).contains("\"weightedWithheld\"", "\"suppressed\":\"small\"",
        "\"writeIns\":[{", "\"favourableRateExcludingUnknown\"", "\"reasons\"", "\"extra\"", "\"quorum\"",
        "\"options\":[{\"id\":\"agree\"");
    assertThat(reports.get("weighted").encode()).contains("\"weighted\":[{");
    assertThat(reports.get("live").encode()).contains("\"suppressed\":\"untilClose\"");
    // Through JSON text and back, as a client reads it: numbers come back as the types the schema names.
    reports.forEach((name, report) -> assertThat(undocumented(new JsonObject(report.encode()))).as(name).isEmpty());
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
