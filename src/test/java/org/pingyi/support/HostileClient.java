package org.pingyi.support;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Sends the hostile corpus exactly as built (raw address, raw bytes) and lists every answer that breaks the contract. */
public final class HostileClient implements AutoCloseable {
  /** What came back. */
  public record Answer(int status, String contentType, String location, String body, MultiMap headers) {
    public String header(String name) {
      return headers.get(name);
    }
  }

  private final Vertx vertx = Vertx.vertx();
  private final HttpClient http;

  public HostileClient(int port) {
    // A fresh connection per request: a request the server refuses at the HTTP level closes its connection.
    http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("localhost").setDefaultPort(port)
        .setKeepAlive(false).setMaxInitialLineLength(64 * 1024));
  }

  public Answer send(String method, String uri, java.util.Map<String, String> headers, byte[] body)
      throws java.util.concurrent.TimeoutException {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(method)).setURI(uri).setIdleTimeout(60_000);
    headers.forEach(options::putHeader);
    // body() is asked for in the very callback that receives the response (as the Vert.x manual does), not in a
    // later step of the chain: a later step may run as a separate event-loop task, by which time a short answer
    // that arrived in one read (a refusal, often sent before the request body was read) has already ended, and
    // Vert.x never completes body() on an ended response: an answered request then looked unanswered.
    return http.request(options)
        .compose(request -> (body.length == 0 ? request.send() : request.send(Buffer.buffer(body)))
            .compose(response -> response.body().map(b -> new Answer(response.statusCode(),
                response.getHeader("Content-Type"), response.getHeader("Location"), b.toString(StandardCharsets.UTF_8),
                MultiMap.caseInsensitiveMultiMap().addAll(response.headers())))))
        .await(30, java.util.concurrent.TimeUnit.SECONDS);
  }

  /** Sends every request, four at a time; returns one line per broken promise: method, address, status and body. */
  public List<String> violations(List<HostileRequest> corpus) {
    List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      senders.invokeAll(corpus.stream().map(r -> (java.util.concurrent.Callable<Void>) () -> {
        check(r, violations);
        return null;
      }).toList());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      senders.shutdown();
    }
    return violations;
  }

  private void check(HostileRequest r, List<String> violations) {
    String uri = r.uri().get();
    try {
      Answer answer = send(r.method(), uri, r.headers(), r.body().get());
      String problem = problem(r, answer);
      if (problem != null) {
        violations.add(r.describe(uri) + " → " + answer.status() + " " + problem + ": "
            + HostileRequest.abbreviated(answer.body().replaceAll("\\s+", " ").replaceAll("/v/[A-Za-z0-9_-]+", "/v/***")));
      }
    } catch (RuntimeException | java.util.concurrent.TimeoutException e) {
      violations.add(r.describe(uri) + " → no answer: " + e);
    }
  }

  static String problem(HostileRequest r, Answer a) {
    int s = a.status();
    if (s >= 500) return "server error";
    boolean refused = s >= 400 && s < 500;
    boolean head = r.method().equals("HEAD");
    if (head && !a.body().isEmpty()) return "a HEAD answer with a body";
    if (s == 405 && (a.header("Allow") == null || allows(a.header("Allow"), r.method()))) {
      return "405 without an Allow header that leaves the method out";
    }
    switch (r.expect()) {
      case REFUSED -> {
        if (!refused) return "accepted";
        if (r.status() != 0 && s != r.status()) return "expected " + r.status();
      }
      case STORED_AS_TEXT -> {
        if (!refused && (s < 200 || s >= 300)) return "neither stored nor refused";
      }
      case PAGE -> {
        boolean isPage = s == 200 && a.contentType() != null && a.contentType().startsWith("text/html");
        boolean toConsole = s == 302 && "/console/".equals(a.location());
        if (!refused && !isPage && !toConsole) return "neither the page nor refused";
      }
      case SERVED -> {
        if (s < 200 || s >= 400) return "not served";
      }
    }
    if (!refused) return null;
    // A HEAD answer has no body to read: its headers must still announce the JSON error.
    return head ? jsonTypeProblem(a) : errorBodyProblem(a);
  }

  private static boolean allows(String allow, String method) {
    return java.util.Arrays.stream(allow.split(",")).map(String::trim).anyMatch(method::equals);
  }

  private static String jsonTypeProblem(Answer a) {
    return a.contentType() == null || !a.contentType().startsWith("application/json") ? "error is not JSON" : null;
  }

  private static String errorBodyProblem(Answer a) {
    if (jsonTypeProblem(a) != null) return jsonTypeProblem(a);
    try {
      JsonObject body = new JsonObject(a.body());
      if (!(body.getValue("error") instanceof String) || !(body.getValue("message") instanceof String)
          || !(body.getValue("fields") instanceof JsonObject)) {
        return "error body lacks error, message or fields";
      }
      return null;
    } catch (RuntimeException e) {
      return "error body is not a JSON object";
    }
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
