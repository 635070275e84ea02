package org.pingyi.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Prepares what a real meeting votes on, through the public API as an organizer would: signs in as admin,
 * creates an event with two voter categories, adds the 干部选拔任用工作评议, 新提拔任用干部评议 (three cadres)
 * and 民主推荐 (one seat, two candidates) forms from their templates, opens it, and issues slips as CSV.
 * The tokens stay in this process's memory only. Runs on the main thread, awaiting each call.
 */
final class BenchSetup {
  static final int MAX_BATCH = 100_000;

  private final WebClient client;
  private final String password;
  private String bearer;
  String eventId;
  private String cadreWorkForm;
  private String newCadresForm;
  private String recommendationForm;

  BenchSetup(Vertx vertx, String host, int port, String adminPassword) {
    this.client = WebClient.create(vertx, new WebClientOptions().setDefaultHost(host).setDefaultPort(port));
    this.password = adminPassword;
  }

  /** Creates and opens the event; returns its id. */
  String openEvent() {
    bearer = call("/api/auth/login", new JsonObject().put("username", "admin").put("password", password), 200)
        .bodyAsJsonObject().getString("token");
    eventId = call("/api/events", event(), 201).bodyAsJsonObject().getString("id");
    JsonObject newCadres = addForm("new-cadres");
    newCadresForm = newCadres.getString("id");
    String cadresQuestion = newCadres.getJsonObject("definition").getJsonArray("sections").getJsonObject(0)
        .getJsonArray("questions").getJsonObject(0).getString("id");
    paste(newCadresForm, new JsonObject().put("questionId", cadresQuestion).put("tsv", String.join("\n",
        "姓名\t原任职务\t现任职务\t任职时间", "张三\t办公室副主任\t办公室主任\t2025.03",
        "李四\t科员\t副科长\t2025.06", "王五\t副科长\t科长\t2025.09")));
    cadreWorkForm = addForm("cadre-work").getString("id");
    recommendationForm = addForm("recommendation").getString("id");
    paste(recommendationForm, new JsonObject().put("questionId", "rec").put("positionId", "p1")
        .put("tsv", "赵一\t男\t1980.01\t科长\n钱二\t女\t1982.05\t副科长\n"));
    call("/api/events/" + eventId + "/open", null, 200);
    // Screens show live results (new events show only the turnout until the close), as before the ballot box:
    // the screens' snapshots stay as large as they were, so the figures below stay comparable.
    HttpResponse<Buffer> live = client.put("/api/events/" + eventId + "/screen").putHeader("Authorization", "Bearer " + bearer)
        .timeout(300_000).sendJsonObject(new JsonObject().put("turnoutOnly", false)).await();
    if (live.statusCode() != 200) throw new IllegalStateException("PUT screen answered " + live.statusCode());
    return eventId;
  }

  /** Issues {@code count} slips in batches of at most 100,000, alternating the two categories; returns the tokens. */
  List<String> issueSlips(int count) {
    List<String> tokens = new ArrayList<>(count);
    for (int batch = 0; tokens.size() < count; batch++) {
      int n = Math.min(MAX_BATCH, count - tokens.size());
      JsonObject request = new JsonObject().put("category", batch % 2 == 0 ? "B" : "A").put("count", n).put("reason", "负载测试")
          .put("format", "csv")
          // The bench's public URL is loopback, which phones cannot reach: issuing on it must be confirmed.
          .put("confirmUnreachableUrl", true);
      String csv = call("/api/events/" + eventId + "/slips", request, 200).bodyAsString();
      // 序号,投票地址 then one "serial,<public URL>/v/<token>" line per slip.
      String[] lines = csv.split("\r\n");
      for (int i = 1; i < lines.length; i++) tokens.add(lines[i].substring(lines[i].lastIndexOf('/') + 1));
    }
    return tokens;
  }

  /** A complete, valid ballot of this event, as the voter's page sends it (the same answers as the tests use). */
  String answersJson() {
    JsonObject row = new JsonObject().put("option", "agree").put("extra", new JsonObject().put("canvass", "no"));
    return new JsonObject()
        .put(cadreWorkForm, new JsonObject().put("q1", "good").put("q2", "fair").put("q3", "good")
            .put("q4", new JsonArray().add("p3").add("p1")).put("q5", "  加强监督。 "))
        .put(newCadresForm, new JsonObject().put("cadres", new JsonObject()
            .put("r1", row.copy())
            .put("r2", new JsonObject().put("option", "disagree").put("reasons", new JsonArray().add("ability"))
                .put("extra", new JsonObject().put("canvass", "unknown")))
            .put("r3", row.copy())))
        .put(recommendationForm, new JsonObject().put("rec", new JsonObject()
            .put("p1", new JsonObject().put("selected", new JsonArray().add("c1")))))
        .encode();
  }

  private static JsonObject event() {
    return new JsonObject()
        .put("title", "负载测试：2026年度一报告两评议")
        .put("organizingUnit", "中共某某县委组织部")
        .put("date", "2026-12-01")
        .put("venue", "县委大礼堂")
        .put("expectedAttendance", 60)
        .put("categories", new JsonArray()
            .add(new JsonObject().put("code", "A").put("name", "领导班子成员").put("expected", 10).put("weight", 30))
            .add(new JsonObject().put("code", "B").put("name", "干部职工代表").put("expected", 50).put("weight", 70)))
        .put("counters", new JsonArray().add("赵计票"))
        .put("supervisors", new JsonArray().add("钱监票"))
        .put("responsible", new JsonObject().put("name", "孙书记").put("title", "主持人"));
  }

  /** A screen link of the event (as the organizer makes one for the hall's projector); returns its key. */
  String screenKey() {
    return call("/api/events/" + eventId + "/screen-links", new JsonObject().put("label", "bench"), 201)
        .bodyAsJsonObject().getString("key");
  }

  private JsonObject addForm(String template) {
    return call("/api/events/" + eventId + "/forms", new JsonObject().put("template", template), 201).bodyAsJsonObject();
  }

  private void paste(String formId, JsonObject body) {
    call("/api/forms/" + formId + "/paste", body, 200);
  }

  private HttpResponse<Buffer> call(String path, JsonObject body, int expected) {
    var request = client.post(path).timeout(300_000);
    if (bearer != null) request.putHeader("Authorization", "Bearer " + bearer);
    HttpResponse<Buffer> response = (body == null ? request.send() : request.sendJsonObject(body)).await();
    if (response.statusCode() != expected) {
      throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
          + response.bodyAsString());
    }
    return response;
  }
}
