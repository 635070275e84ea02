package org.pingyi.vote;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import org.pingyi.support.Api;
import org.pingyi.support.Fixtures;
import org.pingyi.support.TestServer;

/**
 * An event as the voter page meets it: a 新提拔任用干部评议 form with three cadres (张三, 李四, 王五) and a
 * 民主推荐 form for one 副局长 (one seat, three candidates), with slips issued as CSV for category A.
 */
final class VotingEvent {
  static final List<String> CADRES = List.of("张三", "李四", "王五");
  static final String CANDIDATES = "赵一\t男\t1980.01\t科长\n钱二\t女\t1982.05\t副科长\n孙三\t男\t1979.11\t主任科员";

  final Api organizer;
  final String id;
  final String cadresFormId;
  final String recommendationFormId;

  private VotingEvent(Api organizer, String id, String cadresFormId, String recommendationFormId) {
    this.organizer = organizer;
    this.id = id;
    this.cadresFormId = cadresFormId;
    this.recommendationFormId = recommendationFormId;
  }

  /** A draft event with both forms ready to open. */
  static VotingEvent draft(Api organizer, String title) {
    JsonObject ready = Fixtures.readyEvent(organizer, title);
    String eventId = ready.getString("eventId");
    JsonObject form = organizer.post("/api/events/" + eventId + "/forms", new JsonObject().put("template", "recommendation"))
        .bodyAsJsonObject();
    JsonObject position = position(form);
    expect(organizer.post("/api/forms/" + form.getString("id") + "/paste", new JsonObject().put("questionId", "rec")
        .put("positionId", position.getString("id")).put("tsv", CANDIDATES)).statusCode(), "paste candidates");
    JsonObject pasted = organizer.get("/api/forms/" + form.getString("id")).bodyAsJsonObject();
    JsonObject definition = pasted.getJsonObject("definition");
    position(pasted).put("title", "副局长");
    expect(organizer.put("/api/forms/" + form.getString("id"), new JsonObject()
        .put("version", pasted.getInteger("version")).put("definition", definition)).statusCode(), "name the position");
    return new VotingEvent(organizer, eventId, ready.getString("formId"), form.getString("id"));
  }

  /** An open event with both forms. */
  static VotingEvent open(Api organizer, String title) {
    VotingEvent event = draft(organizer, title);
    event.transition("open");
    return event;
  }

  void transition(String step) {
    var response = organizer.post("/api/events/" + id + "/" + step, null);
    if (response.statusCode() != 200) throw new AssertionError(step + " failed: " + response.bodyAsString());
  }

  /** Issues `count` slips of category A as CSV; returns their voting addresses on the test server. */
  List<String> slips(int count, String baseUrl) {
    var issued = organizer.post("/api/events/" + id + "/slips",
        new JsonObject().put("category", "A").put("format", "csv").put("count", count).put("reason", "测试：按需多发"));
    expect(issued.statusCode(), "issue slips: " + issued.bodyAsString());
    return Arrays.stream(issued.bodyAsString().split("\r\n")).skip(1)
        .map(line -> baseUrl + line.substring(line.indexOf(',') + 1).substring(TestServer.PUBLIC_URL.length()))
        .toList();
  }

  /** How many slips of category A have been used. */
  int used() {
    JsonArray counts = organizer.get("/api/events/" + id + "/slips/counts").bodyAsJsonArray();
    return counts.stream().map(JsonObject.class::cast).filter(c -> c.getString("category").equals("A"))
        .findFirst().orElseThrow().getInteger("used");
  }

  /** A complete ballot for this event, as the voter page would send it. */
  JsonObject answers() {
    JsonObject rows = new JsonObject();
    for (String row : List.of("r1", "r2", "r3")) {
      rows.put(row, new JsonObject().put("option", "agree").put("extra", new JsonObject().put("canvass", "no")));
    }
    return new JsonObject()
        .put(cadresFormId, new JsonObject().put("cadres", rows))
        .put(recommendationFormId, new JsonObject().put("rec", new JsonObject()
            .put("p1", new JsonObject().put("selected", new JsonArray().add("c1")).put("writeIns", new JsonArray()))));
  }

  static String token(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }

  private static JsonObject position(JsonObject form) {
    return form.getJsonObject("definition").getJsonArray("sections").getJsonObject(0).getJsonArray("questions")
        .getJsonObject(0).getJsonArray("positions").getJsonObject(0);
  }

  private static void expect(int status, String what) {
    if (status != 200 && status != 201) throw new AssertionError(what + " answered " + status);
  }
}
