package org.pingyi.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.ServerExtension;

/** One test per error status: each answers the same JSON shape {error, message, fields}. */
class ErrorContractTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  private static Api admin;

  @BeforeAll
  static void signIn() {
    admin = server.api().asAdmin();
  }

  @Test
  void malformedJsonIs400InvalidJson() {
    var response = admin.send(HttpMethod.POST, "/api/events", Buffer.buffer("{\"title\": "));

    assertError(response, 400, "invalid_json");
  }

  @Test
  void aJsonArrayWhereAnObjectBelongsIs400() {
    var response = admin.send(HttpMethod.POST, "/api/events", Buffer.buffer("[1,2]"));

    assertError(response, 400, "invalid_json");
  }

  @Test
  void invalidFieldsAre400NamingEachField() {
    var response = admin.post("/api/events", new JsonObject().put("title", "").put("expectedAttendance", "many")
        .put("date", "next week").put("categories", new JsonObject()));

    JsonObject fields = assertError(response, 400, "invalid_input").getJsonObject("fields");
    assertThat(fields.fieldNames()).contains("title", "expectedAttendance", "date", "categories");
  }

  @Test
  void nestedFieldErrorsNameTheirPath() {
    var response = admin.post("/api/events", new JsonObject().put("title", "测评")
        .put("categories", new io.vertx.core.json.JsonArray()
            .add(new JsonObject().put("code", "A").put("name", "班子成员"))
            .add(new JsonObject().put("code", "a").put("name", ""))));

    JsonObject fields = assertError(response, 400, "invalid_input").getJsonObject("fields");
    assertThat(fields.fieldNames()).contains("categories[1].code", "categories[1].name");
  }

  @Test
  void noTokenIs401() {
    assertError(server.api().get("/api/events"), 401, "unauthorized");
  }

  @Test
  void aForbiddenRoleIs403() {
    Api observer = server.api().asAdmin().newStaff("watcher", "observer", "watcher-pass");

    assertError(observer.post("/api/events", new JsonObject().put("title", "x")), 403, "forbidden");
  }

  @Test
  void anUnknownEventIs404() {
    assertError(admin.get("/api/events/" + UUID.randomUUID()), 404, "event_not_found");
    assertError(admin.get("/api/events/not-a-uuid"), 404, "event_not_found");
  }

  @Test
  void anIdThatIsNoUuidNamesNothingAndEachResourceSaysWhichKind() {
    String event = "/api/events/" + UUID.randomUUID();

    assertError(admin.get("/api/forms/not-a-uuid"), 404, "form_not_found");
    assertError(admin.patch("/api/accounts/not-a-uuid", new JsonObject()), 404, "account_not_found");
    assertError(admin.delete(event + "/paper-ballots/A-0001/entries/not-a-uuid"), 404, "entry_not_found");
    assertError(admin.delete(event + "/screen-links/not-a-uuid"), 404, "screen_link_not_found");
    assertError(admin.get("/api/feedback/boxes/not-a-uuid/messages"), 404, "box_not_found");
    assertError(admin.post("/api/feedback/messages/not-a-uuid/triage", new JsonObject()), 404, "message_not_found");
  }

  @Test
  void anUnknownApiRouteIs404() {
    assertError(admin.get("/api/nothing-here"), 404, "not_found");
  }

  @Test
  void anIllegalTransitionIs409() {
    String id = admin.post("/api/events", new JsonObject().put("title", "草稿活动")).bodyAsJsonObject().getString("id");

    JsonObject body = assertError(admin.post("/api/events/" + id + "/close", null), 409, "illegal_transition");
    assertThat(body.getString("message")).contains("草稿");
  }

  @Test
  void anOversizedBodyIs413() {
    String huge = "x".repeat(2 * 1024 * 1024);

    assertError(admin.post("/api/events", new JsonObject().put("title", huge)), 413, "payload_too_large");
  }

  @Test
  void tooManyFailedSignInsFromOneAddressIs429() {
    HttpResponse<Buffer> last = null;
    for (int i = 0; i < 40 && (last == null || last.statusCode() != 429); i++) {
      last = server.api().post("/api/auth/login",
          new JsonObject().put("username", "user" + i).put("password", "wrong-password"));
    }

    assertError(last, 429, "too_many_attempts");
    assertThat(last.getHeader("Retry-After")).isNotBlank();
  }

  private static JsonObject assertError(HttpResponse<Buffer> response, int status, String code) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).startsWith("application/json");
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getString("error")).isEqualTo(code);
    assertThat(body.getString("message")).isNotBlank();
    assertThat(body.getJsonObject("fields")).isNotNull();
    return body;
  }
}
