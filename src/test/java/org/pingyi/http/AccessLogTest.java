package org.pingyi.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.HostileClient;
import org.pingyi.support.LogCapture;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Voting;

/**
 * The access log never holds a slip token or a screen key, whatever address a phone or a projector mistyped:
 * a token-like part of any path is masked, while event ids stay readable for whoever reads the log.
 */
class AccessLogTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();

  @Test
  void nearMissAddressesWriteNeitherATokenNorAScreenKeyToTheLog() throws Exception {
    Api admin = server.api().asAdmin();
    Voting voting = Voting.open(admin, "访问日志");
    String token = voting.slips(admin, "A", 1).get(0);
    String key = admin.post("/api/events/" + voting.eventId + "/screen-links", new JsonObject().put("label", "主会场"))
        .bodyAsJsonObject().getString("key");
    String event = voting.eventId;
    // As a chat app, a keyboard or a careless copy may deliver them: other case, an encoded slash, a suffix.
    List<String> nearMisses = List.of("/V/" + token, "/v%2f" + token, "/v%2F" + token, "/api/V/" + token,
        "/api/v%2f" + token, "/v/" + token + "/", "/v/" + token + "/extra", "/v/" + token + "%20", "/v/" + token + ".",
        "/v//" + token, "/vote/" + token, "/" + token, "/%56/" + token, "/v/%" + token, "/v/" + token + "%zz",
        "/screen/" + event + "/" + key, "/screen/" + event + "%23key=" + key, "/api/events/" + event + "/" + key);
    int before = accessLines().size();

    try (HostileClient client = new HostileClient(URI.create(server.baseUrl()).getPort())) {
      for (String path : nearMisses) {
        assertThat(client.send("GET", path, Map.of(), new byte[0]).status()).as(path.replace(token, "<token>"))
            .isLessThan(500);
      }
      client.send("POST", "/api/V/" + token, Map.of(), new byte[0]);
    }
    List<String> written = awaitAccessLines(before + nearMisses.size() + 1);

    for (String line : LogCapture.lines()) {
      assertThat(line).doesNotContain(token).doesNotContain(key);
    }
    assertThat(written).anyMatch(line -> line.contains("GET /V/*** 404"))
        .anyMatch(line -> line.contains("GET /v%2f*** 404"))
        .anyMatch(line -> line.contains("GET /screen/" + event + "/*** "))
        .anyMatch(line -> line.contains("GET /api/events/" + event + "/*** 404"));
  }

  @Test
  void aTokenLikePartOfAPathIsMaskedWhereverItIsAndIdsStayReadable() {
    String token = "q3Zr0-x_Yb7LmN2pQs8TuVw9AbC";
    String uuid = UUID.randomUUID().toString();

    assertThat(RequestLog.masked("/v/" + token)).isEqualTo("/v/***");
    assertThat(RequestLog.masked("/api/v/" + token)).isEqualTo("/api/v/***");
    assertThat(RequestLog.masked("/v%2f" + token)).isEqualTo("/v%2f***");
    assertThat(RequestLog.masked("/v%2F" + token + "%20")).isEqualTo("/v%2F***%20");
    assertThat(RequestLog.masked("/x/" + token + token)).as("a token glued to more").isEqualTo("/x/***");
    assertThat(RequestLog.masked("/v/%71%33" + token.substring(2))).as("letters encoded").isEqualTo("/v/***");
    assertThat(RequestLog.masked("/api/events/" + uuid + "/slips/A-0001/void"))
        .isEqualTo("/api/events/" + uuid + "/slips/A-0001/void");
    assertThat(RequestLog.masked("/screen/" + uuid.toUpperCase())).isEqualTo("/screen/" + uuid.toUpperCase());
    assertThat(RequestLog.masked("/api/events/" + uuid + "/exports/summary.xlsx")).contains(uuid);
    assertThat(RequestLog.masked("/console/js/main.js")).isEqualTo("/console/js/main.js");
    assertThat(RequestLog.masked("/vendor/echarts.min.js")).isEqualTo("/vendor/echarts.min.js");
  }

  private static List<String> accessLines() {
    return LogCapture.lines().stream().filter(line -> line.startsWith("access ")).toList();
  }

  /** The access log is written once a response has gone out, which may be just after the client has read it. */
  private static List<String> awaitAccessLines(int count) throws InterruptedException {
    for (int i = 0; i < 100 && accessLines().size() < count; i++) Thread.sleep(50);
    assertThat(accessLines()).hasSizeGreaterThanOrEqualTo(count);
    return accessLines();
  }
}
