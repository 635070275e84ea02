package org.pingyi.support;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A Server-Sent Events stream read as a screen would: every raw line kept, each event's data parsed as JSON. */
public final class SseStream implements AutoCloseable {
  private final BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
  private final StringBuilder raw = new StringBuilder();
  private final CompletableFuture<HttpResponse<Stream<String>>> response;
  private final int status;

  private SseStream(String url, String authorization) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).GET().build();
    response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    HttpResponse<Stream<String>> opened = response.join();
    status = opened.statusCode();
    Thread reader = new Thread(() -> {
      try (Stream<String> lines = opened.body()) {
        lines.forEach(line -> {
          synchronized (raw) {
            raw.append(line).append('\n');
          }
          if (line.startsWith("data: ")) events.add(new JsonObject(line.substring(6)));
        });
      } catch (RuntimeException closed) {
        // The stream ends when the test closes it or the server goes away.
      }
    }, "sse-reader");
    reader.setDaemon(true);
    reader.start();
  }

  public static SseStream open(String url, String authorization) {
    return new SseStream(url, authorization);
  }

  public int status() {
    return status;
  }

  /** The first event (from now on) that satisfies the predicate, or an AssertionError after the timeout. */
  public JsonObject await(Predicate<JsonObject> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      JsonObject next = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
      if (next == null) throw new AssertionError("no matching event within " + timeout + "; stream so far:\n" + raw());
      if (wanted.test(next)) return next;
    }
  }

  public String raw() {
    synchronized (raw) {
      return raw.toString();
    }
  }

  @Override
  public void close() {
    response.thenAccept(r -> r.body().close());
  }
}
