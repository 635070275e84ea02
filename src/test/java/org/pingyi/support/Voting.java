package org.pingyi.support;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * An open event with the three kinds of ballot a meeting uses at once (选人用人工作评议, 新提拔任用干部评议 with
 * three cadres, 民主推荐 for one seat among two candidates), and slips to vote with.
 */
public final class Voting {
  public final String eventId;
  public final String cadreWorkForm;
  public final String newCadresForm;
  public final String recommendationForm;

  private Voting(String eventId, String cadreWorkForm, String newCadresForm, String recommendationForm) {
    this.eventId = eventId;
    this.cadreWorkForm = cadreWorkForm;
    this.newCadresForm = newCadresForm;
    this.recommendationForm = recommendationForm;
  }

  /** Builds the event; it stays a draft until {@link #open(Api)}. */
  public static Voting prepare(Api organizer, String title) {
    JsonObject ready = Fixtures.readyEvent(organizer, title);
    String eventId = ready.getString("eventId");
    String cadreWork = organizer.post("/api/events/" + eventId + "/forms", new JsonObject().put("template", "cadre-work"))
        .bodyAsJsonObject().getString("id");
    String recommendation = organizer.post("/api/events/" + eventId + "/forms",
        new JsonObject().put("template", "recommendation")).bodyAsJsonObject().getString("id");
    var pasted = organizer.post("/api/forms/" + recommendation + "/paste", new JsonObject()
        .put("questionId", "rec").put("positionId", "p1").put("tsv", "赵一\t男\t1980.01\t科长\n钱二\t女\t1982.05\t副科长\n"));
    if (pasted.statusCode() != 200) throw new AssertionError("paste failed: " + pasted.bodyAsString());
    return new Voting(eventId, cadreWork, ready.getString("formId"), recommendation);
  }

  /**
   * An open event as a paper-entry desk sees it: 新提拔任用干部评议 with five cadres, then 选人用人工作评议
   * (no 民主推荐 form).
   */
  public static Voting openWithFiveCadres(Api organizer, String title) {
    String eventId = organizer.post("/api/events", Fixtures.event(title)).bodyAsJsonObject().getString("id");
    String newCadres = organizer.post("/api/events/" + eventId + "/forms", new JsonObject().put("template", "new-cadres"))
        .bodyAsJsonObject().getString("id");
    var pasted = organizer.post("/api/forms/" + newCadres + "/paste",
        new JsonObject().put("questionId", "cadres").put("tsv", Fixtures.FIVE_CADRES));
    if (pasted.statusCode() != 200) throw new AssertionError("paste failed: " + pasted.bodyAsString());
    String cadreWork = organizer.post("/api/events/" + eventId + "/forms", new JsonObject().put("template", "cadre-work"))
        .bodyAsJsonObject().getString("id");
    return new Voting(eventId, cadreWork, newCadres, null).open(organizer);
  }

  public static Voting open(Api organizer, String title) {
    return prepare(organizer, title).open(organizer);
  }

  public Voting open(Api organizer) {
    var opened = organizer.post("/api/events/" + eventId + "/open", null);
    if (opened.statusCode() != 200) throw new AssertionError("open failed: " + opened.bodyAsString());
    return this;
  }

  /** Issues slips as CSV and returns their tokens, in serial order. */
  public List<String> slips(Api organizer, String category, int count) {
    var issued = organizer.post("/api/events/" + eventId + "/slips",
        new JsonObject().put("category", category).put("format", "csv").put("count", count).put("reason", "测试：按需多发"));
    if (issued.statusCode() != 200) throw new AssertionError("slips not issued: " + issued.bodyAsString());
    return Arrays.stream(issued.bodyAsString().split("\r\n")).skip(1)
        .map(line -> line.substring(line.lastIndexOf('/') + 1)).toList();
  }

  /** A complete, valid ballot: every required answer given, one candidate recommended. */
  public JsonObject validAnswers() {
    JsonObject row = new JsonObject().put("option", "agree").put("extra", new JsonObject().put("canvass", "no"));
    return new JsonObject()
        .put(cadreWorkForm, new JsonObject().put("q1", "good").put("q2", "fair").put("q3", "good")
            .put("q4", new io.vertx.core.json.JsonArray().add("p3").add("p1")).put("q5", "  加强监督。 "))
        .put(newCadresForm, new JsonObject().put("cadres", new JsonObject()
            .put("r1", row.copy())
            .put("r2", new JsonObject().put("option", "disagree").put("reasons", new io.vertx.core.json.JsonArray().add("ability"))
                .put("extra", new JsonObject().put("canvass", "unknown")))
            .put("r3", row.copy())))
        .put(recommendationForm, new JsonObject().put("rec", new JsonObject()
            .put("p1", new JsonObject().put("selected", new io.vertx.core.json.JsonArray().add("c1")))));
  }

  public static JsonObject ballot(String nonce, JsonObject answers) {
    return new JsonObject().put("nonce", nonce).put("answers", answers);
  }

  /** A nonce as a phone makes one: 32 random bytes, base64url. */
  /**
   * A cast's request head as a phone writes it on its socket, for tests that send the body themselves: in parts,
   * at a crawl, or not at all.
   */
  public static byte[] castHead(String token, int bodyLength) {
    return ("POST /api/v/" + token + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + bodyLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  public static String newNonce() {
    byte[] bytes = new byte[32];
    new java.security.SecureRandom().nextBytes(bytes);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
