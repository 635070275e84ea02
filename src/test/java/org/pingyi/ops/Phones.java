package org.pingyi.ops;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.pingyi.support.Voting;

/**
 * Phones voting continuously through the real API, each slip once, recording what every ballot was answered:
 * 201 (with its receipt and when), 503 (then sent again until answered), or anything else (a violation).
 */
final class Phones {
  /** Shorter than the Retry-After a phone honours, to keep the test short; the server does not depend on it. */
  private static final long RETRY_MS = 250;
  final Map<String, String> acknowledged = new ConcurrentHashMap<>();
  final Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();
  /** 503 answers, and what the ballots refused so became when sent again: cast then, or found stored after all. */
  final AtomicLong refusals = new AtomicLong();
  final AtomicLong castOnRetry = new AtomicLong();
  final AtomicLong storedAfterAll = new AtomicLong();
  final Queue<String> violations = new ConcurrentLinkedQueue<>();
  final AtomicLong first503 = new AtomicLong(Long.MAX_VALUE);
  final AtomicLong last503 = new AtomicLong();

  private final String baseUrl;
  private final Queue<String> tokens;
  private final Supplier<JsonObject> answers;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ExecutorService threads;
  private volatile boolean stopped;

  Phones(String baseUrl, List<String> tokens, Supplier<JsonObject> answers, int count) {
    this.baseUrl = baseUrl;
    this.tokens = new ConcurrentLinkedQueue<>(tokens);
    this.answers = answers;
    this.threads = Executors.newFixedThreadPool(count);
    for (int i = 0; i < count; i++) threads.submit(this::vote);
  }

  void stop() throws InterruptedException {
    stopped = true;
    threads.shutdown();
    if (!threads.awaitTermination(60, TimeUnit.SECONDS)) throw new AssertionError("phones did not stop");
  }

  void waitFor(int ballots, Duration atMost) throws InterruptedException {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (acknowledged.size() < ballots && System.nanoTime() < deadline) Thread.sleep(20);
  }

  /** Like the voter page: a ballot answered 503 is sent again, the same nonce and answers, until it is answered. */
  private void vote() {
    String token;
    while (!stopped && (token = tokens.poll()) != null) {
      JsonObject ballot = Voting.ballot(Voting.newNonce(), answers.get());
      try {
        boolean refused = false;
        HttpResponse<String> r;
        while ((r = send(token, ballot)).statusCode() == 503) {
          unavailable(r);
          refused = true;
          Thread.sleep(RETRY_MS);
        }
        answered(token, r, refused);
      } catch (IOException e) {
        violations.add("no answer: " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  HttpResponse<String> send(String token, JsonObject ballot) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v/" + token)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(ballot.encode())).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void answered(String token, HttpResponse<String> r, boolean afterA503) {
    boolean replayed = afterA503 && r.statusCode() == 200;
    if (r.statusCode() == 201 || replayed) {
      acknowledged.put(token, new JsonObject(r.body()).getString("receipt"));
      acknowledgedAt.put(token, System.nanoTime());
      if (afterA503) (replayed ? storedAfterAll : castOnRetry).incrementAndGet();
    } else {
      violations.add(r.statusCode() + " " + r.body());
    }
  }

  private void unavailable(HttpResponse<String> r) {
    long now = System.nanoTime();
    refusals.incrementAndGet();
    first503.accumulateAndGet(now, Math::min);
    last503.accumulateAndGet(now, Math::max);
    boolean contract = r.headers().firstValue("Retry-After").isPresent()
        && r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
        && "unavailable".equals(new JsonObject(r.body()).getString("error"));
    if (!contract) violations.add("503 without Retry-After or the JSON error: " + r.body());
  }
}
