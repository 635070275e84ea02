package org.pingyi.slip;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.config.AppConfig;
import org.pingyi.support.Fixtures;
import org.pingyi.support.ServerExtension;

/** A server whose phones' address is localhost says so, and issues slips only when that is confirmed. */
class UnreachableAddressTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension(c -> c.withPublicUrl("http://localhost:8080"));

  @Test
  void theConsoleIsToldThatPhonesCannotOpenTheAddress() {
    JsonObject config = server.api().asAdmin().get("/api/config").bodyAsJsonObject();

    assertThat(config.getBoolean("publicUrlReachable")).isFalse();
    assertThat(config.getString("publicUrlProblem")).contains("localhost", "本机");
  }

  @Test
  void slipsAreIssuedOnlyOnceTheUnreachableAddressIsConfirmedAndTheAuditLogSaysSo() {
    var organizer = server.api().asAdmin();
    String eventId = organizer.post("/api/events", Fixtures.event("本机试用")).bodyAsJsonObject().getString("id");
    String path = "/api/events/" + eventId + "/slips";

    var refused = organizer.post(path, new JsonObject().put("category", "A").put("format", "csv").put("count", 1));
    var issued = organizer.post(path, new JsonObject().put("category", "A").put("format", "csv").put("count", 1)
        .put("confirmUnreachableUrl", true));

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("public_url_unreachable");
    assertThat(refused.bodyAsJsonObject().getString("message")).contains("手机打不开", "http://localhost:8080");
    assertThat(refused.bodyAsJsonObject().getJsonObject("fields").containsKey("confirmUnreachableUrl")).isTrue();
    assertThat(organizer.get(path + "/counts").bodyAsJsonArray().getJsonObject(0).getInteger("issued")).isEqualTo(1);
    assertThat(issued.statusCode()).isEqualTo(200);
    JsonObject details = organizer.get("/api/audit?eventId=" + eventId).bodyAsJsonArray().stream()
        .map(e -> (JsonObject) e).filter(e -> e.getString("action").equals("slips.issued")).findFirst().orElseThrow()
        .getJsonObject("details");
    assertThat(details.getBoolean("publicUrlUnreachable")).isTrue();
  }
}
