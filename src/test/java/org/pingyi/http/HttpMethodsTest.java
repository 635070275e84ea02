package org.pingyi.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.HostileClient;
import org.pingyi.support.HostileClient.Answer;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Voting;

/**
 * HEAD and the other methods, as a link checker, a monitoring probe or a curious client sends them: every page
 * answers HEAD as it answers GET, without a body, and a method an address does not take is a 405 naming the
 * methods it does, not a 404 that says the address does not exist.
 */
class HttpMethodsTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  private static HostileClient client;
  private static Api admin;
  private static Voting voting;
  private static String token;

  @BeforeAll
  static void openAnEvent() {
    client = new HostileClient(URI.create(server.baseUrl()).getPort());
    admin = server.api().asAdmin();
    voting = Voting.open(admin, "请求方法");
    token = voting.slips(admin, "A", 1).get(0);
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @Test
  void everyPageAnswersHeadAsItAnswersGetWithoutABody() throws TimeoutException {
    List<String> pages = List.of("/", "/health", "/ping", "/openapi.yaml", "/v/" + token, "/screen/" + voting.eventId,
        "/vendor/echarts.min.js", "/console/", "/vote/vote.js");

    for (String page : pages) {
      Answer get = send("GET", page);
      Answer head = send("HEAD", page);
      String what = page.replace(token, "<token>");

      assertThat(get.status()).as(what).isIn(200, 302);
      assertThat(head.status()).as(what).isEqualTo(get.status());
      assertThat(head.body()).as(what).isEmpty();
      for (String header : List.of("Content-Type", "Cache-Control", "Location", "ETag", "Content-Security-Policy",
          "X-Frame-Options")) {
        assertThat(head.header(header)).as(what + " " + header).isEqualTo(get.header(header));
      }
    }
  }

  @Test
  void aMethodAnAddressDoesNotTakeIs405WithAllowAndTheJsonError() throws TimeoutException {
    Map<String, Set<String>> allowed = Map.of(
        "DELETE /health", Set.of("GET", "HEAD"),
        "PUT /v/" + token, Set.of("GET", "HEAD"),
        "POST /screen/" + voting.eventId, Set.of("GET", "HEAD"),
        "OPTIONS /", Set.of("GET", "HEAD"),
        "PATCH /api/events", Set.of("GET", "POST"),
        "DELETE /api/events/" + voting.eventId, Set.of("GET", "PUT"),
        "GET /api/events/" + voting.eventId + "/open", Set.of("POST"),
        "TRACE /api/v/" + token, Set.of("GET", "POST"),
        "POST /console/", Set.of("GET", "HEAD"),
        "DELETE /vote/vote.js", Set.of("GET", "HEAD"));

    for (var entry : allowed.entrySet()) {
      String[] request = entry.getKey().split(" ", 2);
      Answer answer = send(request[0], request[1]);
      String what = entry.getKey().replace(token, "<token>");

      assertThat(answer.status()).as(what).isEqualTo(405);
      assertThat(methods(answer.header("Allow"))).as(what).isEqualTo(entry.getValue());
      assertThat(answer.contentType()).as(what).startsWith("application/json");
      JsonObject error = new JsonObject(answer.body());
      assertThat(error.getString("error")).as(what).isEqualTo("method_not_allowed");
      assertThat(error.getString("message")).as(what).contains("不支持");
      assertThat(error.getJsonObject("fields")).as(what).isEmpty();
      assertThat(answer.header("Content-Security-Policy")).as(what).contains("frame-ancestors 'none'");
    }
  }

  @Test
  void theApiRefusesHeadRatherThanRunAQueryExportOrStreamForNothing() throws TimeoutException {
    for (String path : List.of("/api/events", "/api/events/" + voting.eventId + "/tally/stream",
        "/api/events/" + voting.eventId + "/exports/summary.pdf")) {
      Answer head = send("HEAD", path);

      assertThat(head.status()).as(path).isEqualTo(405);
      assertThat(methods(head.header("Allow"))).as(path).contains("GET").doesNotContain("HEAD");
      assertThat(head.body()).as(path).isEmpty();
    }
  }

  @Test
  void anAddressThatDoesNotExistIsStill404WhateverTheMethod() throws TimeoutException {
    for (String request : List.of("DELETE /nothing-here", "HEAD /nothing-here.js", "PUT /api/nothing-here",
        "HEAD /api/nothing-here", "POST /console/no-such-page.html", "PATCH /v/a/b")) {
      String[] parts = request.split(" ", 2);

      Answer answer = send(parts[0], parts[1]);

      assertThat(answer.status()).as(request).isEqualTo(404);
      assertThat(answer.header("Allow")).as(request).isNull();
    }
  }

  private static Answer send(String method, String path) throws TimeoutException {
    return client.send(method, path, Map.of("Authorization", "Bearer " + admin.token()), new byte[0]);
  }

  private static Set<String> methods(String allow) {
    assertThat(allow).isNotBlank();
    return Arrays.stream(allow.split(",")).map(String::trim).collect(Collectors.toSet());
  }
}
