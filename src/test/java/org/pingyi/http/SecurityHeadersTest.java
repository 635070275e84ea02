package org.pingyi.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.HostileClient;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Voting;

/**
 * Every kind of response (console, voter page, big screen, scripts, styles, API, errors, even a request refused
 * before any route runs) carries the security headers.
 */
class SecurityHeadersTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();

  @Test
  void everyPageScriptStyleAndApiAnswerCarriesAStrictPolicyAndNoReferrer() {
    Api admin = server.api().asAdmin();
    Voting voting = Voting.open(admin, "安全响应头");
    String token = voting.slips(admin, "A", 1).get(0);
    List<String> paths = List.of("/console/", "/console/index.html", "/console/js/main.js", "/console/console.css",
        "/shared/ballot.css", "/shared/ballot-view.js", "/vote/vote.js", "/vote/legacy.js", "/vote/vote.css",
        "/v/" + token, "/screen/" + voting.eventId, "/api/events", "/api/v/" + token, "/openapi.yaml",
        "/no-such-file.js", "/api/nothing-here");

    for (String path : paths) {
      HttpResponse<Buffer> response = admin.get(path);
      String what = path.replace(token, "<token>") + " → " + response.statusCode();
      Map<String, String> csp = directives(response.getHeader("Content-Security-Policy"));
      assertThat(csp).as(what).containsEntry("default-src", "'self'").containsEntry("script-src", "'self'")
          .containsEntry("style-src", "'self'").containsEntry("connect-src", "'self'")
          .containsEntry("object-src", "'none'").containsEntry("base-uri", "'none'")
          .containsEntry("frame-ancestors", "'none'").containsEntry("form-action", "'self'");
      assertThat(String.join(" ", csp.values())).as(what).doesNotContain("unsafe", "*", "http:", "https:");
      assertThat(response.getHeader("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
      assertThat(response.getHeader("Referrer-Policy")).as(what).isEqualTo("no-referrer");
      assertThat(response.getHeader("X-Frame-Options")).as(what).isEqualTo("DENY");
      assertThat(response.getHeader("Cross-Origin-Opener-Policy")).as(what).isEqualTo("same-origin");
      assertThat(response.getHeader("Cross-Origin-Resource-Policy")).as(what).isEqualTo("same-origin");
      assertThat(response.getHeader("Permissions-Policy")).as(what).contains("camera=()", "microphone=()", "geolocation=()");
      if (path.startsWith("/api/")) assertThat(response.getHeader("Cache-Control")).as(what).isEqualTo("no-store");
    }
    HttpResponse<Buffer> screenLink = admin.post("/api/events/" + voting.eventId + "/screen-links",
        new io.vertx.core.json.JsonObject().put("label", "主会场"));
    assertThat(screenLink.statusCode()).isEqualTo(201);
    assertThat(screenLink.getHeader("Cache-Control")).as("a new screen link holds its key").isEqualTo("no-store");
  }

  @Test
  void percentEncodedLettersReachTheSameRoutesAndGetTheSameTreatment() {
    Api admin = server.api().asAdmin();
    Voting voting = Voting.open(admin, "编码地址");
    String token = voting.slips(admin, "A", 1).get(0);

    // The router decodes %76 to v: this is the voter's page, and the access log must mask its token as well
    // (NoTokenInLogs checks every log line of this class).
    HttpResponse<Buffer> page = admin.get("/%76/" + token);
    HttpResponse<Buffer> link = admin.post("/%61pi/events/" + voting.eventId + "/screen-links",
        new io.vertx.core.json.JsonObject().put("label", "编码"));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(link.statusCode()).isEqualTo(201);
    assertThat(link.getHeader("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void requestsRefusedBeforeAnyRouteRunsCarryThePolicyToo() throws Exception {
    Map<String, Integer> refused = new LinkedHashMap<>();
    refused.put("/console/%", 400);
    refused.put("/api/events/%zz", 400);
    refused.put("/api/events/" + "x".repeat(10_000), 414);
    refused.put("/health#headers", 431);

    try (HostileClient client = new HostileClient(java.net.URI.create(server.baseUrl()).getPort())) {
      for (var entry : refused.entrySet()) {
        boolean hugeHeader = entry.getValue() == 431;
        HostileClient.Answer answer = client.send("GET", entry.getKey().replace("#headers", ""),
            hugeHeader ? Map.of("X-Filler", "x".repeat(20_000)) : Map.of(), new byte[0]);
        String what = (entry.getKey().length() > 60 ? entry.getKey().substring(0, 60) + "…" : entry.getKey()) + " → " + answer.status();

        assertThat(answer.status()).as(what).isEqualTo(entry.getValue());
        assertThat(answer.contentType()).as(what).startsWith("application/json");
        String code = new io.vertx.core.json.JsonObject(answer.body()).getString("error");
        assertThat(code).as(what).isEqualTo(Map.of(400, "bad_request", 414, "uri_too_long", 431, "headers_too_large")
            .get(entry.getValue()));
        Map<String, String> csp = directives(answer.header("Content-Security-Policy"));
        assertThat(csp).as(what).containsEntry("default-src", "'self'").containsEntry("frame-ancestors", "'none'");
        assertThat(answer.header("X-Frame-Options")).as(what).isEqualTo("DENY");
        assertThat(answer.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(answer.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
        assertThat(answer.header("Cache-Control")).as(what).isEqualTo("no-store");
      }
    }
  }

  @Test
  void scriptsAndStylesAreServedWithTheirOwnTypesSoNosniffLetsThemRun() {
    Api api = server.api();

    assertThat(api.get("/console/js/main.js").getHeader("Content-Type")).contains("javascript");
    assertThat(api.get("/vote/vote.js").getHeader("Content-Type")).contains("javascript");
    assertThat(api.get("/shared/ballot.css").getHeader("Content-Type")).startsWith("text/css");
    assertThat(api.get("/console/").getHeader("Content-Type")).startsWith("text/html");
  }

  private static Map<String, String> directives(String policy) {
    Map<String, String> directives = new LinkedHashMap<>();
    assertThat(policy).isNotBlank();
    Arrays.stream(policy.split(";")).map(String::trim).filter(d -> !d.isEmpty()).forEach(d -> {
      String[] parts = d.split("\\s+", 2);
      directives.put(parts[0], parts.length > 1 ? parts[1] : "");
    });
    return directives;
  }
}
