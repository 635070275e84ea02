package org.pingyi.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.Fixtures;
import org.pingyi.support.ServerExtension;

/** Regressions the hostile corpus found, each fixed once for every route: answered with the JSON error, never a 500. */
class StrictInputTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  private static final Vertx vertx = Vertx.vertx();
  private static Api admin;

  @BeforeAll
  static void signIn() {
    admin = server.api().asAdmin();
  }

  @AfterAll
  static void close() {
    vertx.close().await();
  }

  @Test
  void aBodyNotDeclaredJsonIs415OnAnyRoute() {
    JsonObject error = raw("POST", "/api/events", "text/plain", "{\"title\":\"x\"}", 415);

    assertThat(error.getString("error")).isEqualTo("unsupported_media_type");
  }

  @Test
  void aBodyWhereNoneBelongsMustStillBeJson() {
    String eventId = admin.post("/api/events", Fixtures.event("不应开始")).bodyAsJsonObject().getString("id");

    raw("POST", "/api/events/" + eventId + "/open", "application/json", "{\"a\":", 400);

    assertThat(admin.get("/api/events/" + eventId).bodyAsJsonObject().getString("status")).isEqualTo("draft");
  }

  @Test
  void anAddressThatCannotBeDecodedIs400AndAnEncodedNulIs404() {
    assertThat(raw("GET", "/api/events/%zz", null, "", 400).getString("error")).isEqualTo("bad_request");
    assertThat(raw("GET", "/console/%", null, "", 400).getString("error")).isEqualTo("bad_request");
    String eventId = admin.post("/api/events", Fixtures.event("作废")).bodyAsJsonObject().getString("id");
    raw("POST", "/api/events/" + eventId + "/slips/A%00/void", null, "", 404);
  }

  @Test
  void anAddressOrHeaderTooLongForHttpIsAnsweredWithTheJsonError() {
    raw("GET", "/api/events/" + "x".repeat(10_000), null, "", 414);
  }

  @Test
  void aHugeIntegerDoesNotWrapIntoRange() {
    var response = admin.send(HttpMethod.POST, "/api/events",
        Buffer.buffer("{\"title\":\"测评\",\"expectedAttendance\":18446744073709551621}"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getJsonObject("fields").fieldNames()).containsExactly("expectedAttendance");
  }

  @Test
  void aControlCharacterInAFormDefinitionIsRefused() {
    JsonObject ready = Fixtures.readyEvent(admin, "控制字符");
    JsonObject form = admin.get("/api/forms/" + ready.getString("formId")).bodyAsJsonObject();
    form.getJsonObject("definition").put("title", "响铃\u0007");

    var response = admin.put("/api/forms/" + ready.getString("formId"),
        new JsonObject().put("version", form.getInteger("version")).put("definition", form.getJsonObject("definition")));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getJsonObject("fields").fieldNames()).contains("definition.title");
  }

  @Test
  void theScreenLinksOfAnEventThatDoesNotExistAre404() {
    assertThat(admin.get("/api/events/" + UUID.randomUUID() + "/screen-links").statusCode()).isEqualTo(404);
  }

  /** Sends exactly this address and body (signed in as admin) and returns the JSON error of the expected status. */
  private static JsonObject raw(String method, String uri, String contentType, String body, int status) {
    var client = vertx.createHttpClient(new HttpClientOptions().setMaxInitialLineLength(64 * 1024));
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(method)).setHost("localhost")
        .setPort(java.net.URI.create(server.baseUrl()).getPort()).setURI(uri)
        .putHeader("Authorization", "Bearer " + admin.token());
    if (contentType != null) options.putHeader("Content-Type", contentType);
    // body() in the callback that receives the response (see HostileClient.send): asked for a step later, it can
    // miss a response that already ended and never complete.
    var response = client.request(options).compose(request -> (body.isEmpty() ? request.send() : request.send(body))
        .compose(r -> r.body().map(b -> new Object[] {r.statusCode(), r.getHeader("Content-Type"), b.toString()}))).await();
    client.close().await();
    assertThat(response[0]).as(String.valueOf(response[2])).isEqualTo(status);
    assertThat((String) response[1]).startsWith("application/json");
    JsonObject error = new JsonObject((String) response[2]);
    assertThat(error.getString("message")).isNotBlank();
    assertThat(error.getJsonObject("fields")).isNotNull();
    return error;
  }
}
