package org.pingyi.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The big-screen side of bench/screens.sh: opens STREAMS live-tally streams of one event (each on its own
 * connection, with a screen link's key, as a projector's browser does), counts the snapshots they receive, and
 * notes when each first shows TARGET ballots returned. It prints key=value lines: streams_open once every
 * stream has its first snapshot, then, when every stream has reached the target (or after WAIT_SECONDS),
 * snapshots, reached, the wall-clock time the last stream reached it, and the longest any stream went without a
 * new snapshot between its first and the target (how stale a screen got while the ballots came in).
 */
public final class ScreenWatchers {
  private static final String RETURNED = "\"returned\":";

  private ScreenWatchers() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    int streams = Integer.parseInt(env.getOrDefault("STREAMS", "10000"));
    long target = Long.parseLong(env.get("TARGET"));
    String path = "/api/events/" + env.get("EVENT_ID") + "/tally/stream";
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    HttpClientAgent client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(Integer.parseInt(env.get("BENCH_PORT"))).setIdleTimeout(0).setConnectTimeout(60_000),
        new PoolOptions().setHttp1MaxSize(streams).setMaxWaitQueueSize(-1));
    CountDownLatch first = new CountDownLatch(streams);
    CountDownLatch reached = new CountDownLatch(streams);
    AtomicLong snapshots = new AtomicLong();
    AtomicLong lastReachedAt = new AtomicLong();
    AtomicLong longestGap = new AtomicLong();
    AtomicInteger failed = new AtomicInteger();
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setURI(path)
        .putHeader("Authorization", "Screen " + env.get("SCREEN_KEY"));
    for (int i = 0; i < streams; i++) {
      Watcher watcher = new Watcher(target, first, reached, snapshots, lastReachedAt, longestGap);
      client.request(request).compose(r -> r.send()).compose(watcher::follow)
          .onFailure(e -> failed.incrementAndGet());
    }
    boolean allOpen = first.await(120, TimeUnit.SECONDS);
    System.out.printf("streams_open=%d%nstreams_failed=%d%n", streams - first.getCount(), failed.get());
    System.out.flush();
    if (!allOpen) System.err.println("not every stream received its first snapshot within 120 s");
    boolean all = reached.await(Long.parseLong(env.getOrDefault("WAIT_SECONDS", "600")), TimeUnit.SECONDS);
    System.out.printf("snapshots=%d%nreached=%d%nlast_reached_ms=%d%nlongest_gap_ms=%d%n", snapshots.get(),
        streams - reached.getCount(), all ? lastReachedAt.get() : -1, longestGap.get());
    vertx.close().await();
  }

  /** One screen: reads its stream's events and notes the first snapshot and the first at the target. */
  private static final class Watcher {
    private final long target;
    private final CountDownLatch first;
    private final CountDownLatch reached;
    private final AtomicLong snapshots;
    private final AtomicLong lastReachedAt;
    private final AtomicLong longestGap;
    private long previousAt;
    private final StringBuilder pending = new StringBuilder();
    private boolean seen;
    private boolean done;

    Watcher(long target, CountDownLatch first, CountDownLatch reached, AtomicLong snapshots, AtomicLong lastReachedAt,
            AtomicLong longestGap) {
      this.target = target;
      this.longestGap = longestGap;
      this.first = first;
      this.reached = reached;
      this.snapshots = snapshots;
      this.lastReachedAt = lastReachedAt;
    }

    Future<Void> follow(HttpClientResponse response) {
      if (response.statusCode() != 200) return Future.failedFuture("status " + response.statusCode());
      response.handler(this::chunk);
      return response.end();
    }

    private void chunk(Buffer buffer) {
      pending.append(buffer.toString());
      int end;
      while ((end = pending.indexOf("\n\n")) >= 0) {
        String event = pending.substring(0, end);
        pending.delete(0, end + 2);
        if (event.startsWith("event: tally")) snapshot(event);
      }
    }

    private void snapshot(String event) {
      snapshots.incrementAndGet();
      long now = System.currentTimeMillis();
      if (seen && !done) longestGap.accumulateAndGet(now - previousAt, Math::max);
      previousAt = now;
      if (!seen) {
        seen = true;
        first.countDown();
      }
      // The first "returned" of a snapshot is the event's overall turnout line.
      int at = event.indexOf(RETURNED);
      long returned = at < 0 ? -1 : Long.parseLong(event.substring(at + RETURNED.length()).split("[,}]", 2)[0]);
      if (!done && returned >= target) {
        done = true;
        lastReachedAt.accumulateAndGet(System.currentTimeMillis(), Math::max);
        reached.countDown();
      }
    }
  }
}
