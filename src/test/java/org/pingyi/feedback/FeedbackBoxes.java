package org.pingyi.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.pingyi.support.Api;
import org.pingyi.support.Db;

/** Test helpers for the feedback box: a box, a message left as the page leaves it (with the work done), a day gone by. */
final class FeedbackBoxes {
  private FeedbackBoxes() {
  }

  /** Creates a box as {@code organizer}; returns it as the API describes it. */
  static JsonObject create(Api organizer, String title) {
    HttpResponse<Buffer> created = organizer.post("/api/feedback/boxes", new JsonObject().put("title", title).put("unit", "某县委组织部"));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    return created.bodyAsJsonObject();
  }

  /** The public key in a box's address (PINGYI_PUBLIC_URL/f/<key>). */
  static String key(JsonObject box) {
    String url = box.getString("url");
    return url.substring(url.lastIndexOf('/') + 1);
  }

  /** A message with the proof of work done, as the page sends it. */
  static JsonObject message(Phone anyone, String key, String category, String cadre, String text) {
    JsonObject challenge = anyone.get("/api/f/" + key).bodyAsJsonObject().getJsonObject("challenge");
    String nonce = ProofOfWork.solve(challenge.getString("text"), challenge.getInteger("bits"));
    JsonObject body = new JsonObject().put("category", category).put("text", text)
        .put("challenge", challenge.getString("text")).put("nonce", nonce);
    return cadre == null ? body : body.put("cadre", cadre);
  }

  /** Leaves a message; returns the follow-up code. */
  static String submit(Phone anyone, String key, String text) {
    HttpResponse<Buffer> sent = anyone.post("/api/f/" + key + "/messages", message(anyone, key, "selection", "张三", text));
    assertThat(sent.statusCode()).as(sent.bodyAsString()).isEqualTo(201);
    return sent.bodyAsJsonObject().getString("code");
  }

  /**
   * As if the day were over: the waiting messages' day moves back by one, so the inbox mixer moves them all at its
   * next pass; waits until it has.
   */
  static void dayPasses(Db db) {
    db.strings("UPDATE feedback_inbox SET received_on = received_on - 1 RETURNING 1");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (db.count("SELECT count(*) FROM feedback_inbox") > 0) {
      if (Instant.now().isAfter(deadline)) throw new AssertionError("the inbox mixer did not move the messages");
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
