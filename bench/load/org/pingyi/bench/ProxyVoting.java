package org.pingyi.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client side of deploy/multi-instance.sh: phones voting through the proxy while screens watch the tally,
 * some through the proxy and one straight at each instance. A phone whose ballot gets no answer (502 while an
 * instance dies, a broken connection) sends it again with the same nonce, as the voter's page does, and gets
 * its receipt back whether or not the first attempt was stored. Prints key=value lines: ballots acknowledged
 * (their receipt codes in RECEIPTS, one per line), acknowledged after the kill (KILL_FILE holds its time), and
 * per screen group the longest delay between a ballot's acknowledgement and a screen showing at least as many.
 */
public final class ProxyVoting {
  private static final String RETURNED = "\"returned\":";

  private ProxyVoting() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    Vertx vertx = Vertx.vertx();
    PoolOptions pool = new PoolOptions().setHttp1MaxSize(200).setMaxWaitQueueSize(-1);
    HttpClientAgent client = vertx.createHttpClient(new HttpClientOptions().setIdleTimeout(0).setConnectTimeout(5_000), pool);
    // Phones reach the proxy over TLS, trusting the certificate the script made (PROXY_CA).
    HttpClientAgent tls = vertx.createHttpClient(new HttpClientOptions().setIdleTimeout(0).setConnectTimeout(5_000)
        .setSsl(true).setTrustOptions(new PemTrustOptions().addCertPath(env.get("PROXY_CA"))), pool);
    String streamPath = "/api/events/" + env.get("EVENT_ID") + "/tally/stream";
    String key = env.get("SCREEN_KEY");
    int proxyPort = Integer.parseInt(env.get("PROXY_PORT"));
    List<Screen> screens = new ArrayList<>();
    for (int i = 0; i < 3; i++) screens.add(new Screen(vertx, tls, proxyPort, streamPath, key, "proxy-" + i, true));
    for (String port : env.get("INSTANCE_PORTS").split(",")) {
      screens.add(new Screen(vertx, client, Integer.parseInt(port), streamPath, key, "instance-" + port, false));
    }
    Thread.sleep(1500);
    long firstByteViaProxy = screens.get(0).firstByteMs;
    Voters voters = new Voters(tls, proxyPort, Files.readAllLines(Path.of(env.get("TOKENS"))),
        Files.readString(Path.of(env.get("ANSWERS"))));
    voters.run(Integer.parseInt(env.getOrDefault("CONCURRENCY", "32")),
        TimeUnit.SECONDS.toNanos(Long.parseLong(env.getOrDefault("DURATION", "20"))));
    Thread.sleep(2500);
    long killedAt = Long.parseLong(Files.readString(Path.of(env.get("KILL_FILE"))).trim());
    List<long[]> acks = new ArrayList<>(voters.acks);
    acks.sort((a, b) -> Long.compare(a[0], b[0]));
    Files.write(Path.of(env.get("RECEIPTS")), voters.receipts);
    System.out.printf("first_byte_via_proxy_ms=%d%nacknowledged=%d%nacknowledged_after_kill=%d%nretried=%d%n"
            + "gave_up=%d%nother_answers=%d%n", firstByteViaProxy, acks.size(),
        acks.stream().filter(a -> a[0] > killedAt).count(), voters.retried.get(), voters.gaveUp.get(), voters.other.get());
    long from = acks.isEmpty() ? 0 : acks.get(0)[0];
    long to = acks.isEmpty() ? 0 : acks.get(acks.size() - 1)[0];
    for (Screen screen : screens) {
      long[] lags = screen.lags(acks);
      System.out.printf("screen %s open=%s reconnects=%d snapshots=%d longest_gap_ms=%d lag_p50_ms=%d lag_p95_ms=%d"
              + " lag_max_ms=%d%n", screen.name, screen.open, screen.reconnects, screen.seen.size(),
          screen.longestGap(from, to), percentile(lags, 50), percentile(lags, 95), percentile(lags, 100));
    }
    vertx.close().await();
  }

  /** The p-th percentile of the lags, -1 if a screen never caught up with some ballot (or had none to show). */
  private static long percentile(long[] sorted, int p) {
    if (sorted.length == 0 || sorted[0] < 0) return -1;
    return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  /** Phones: each takes the next slip, votes through the proxy, and resends on a lost answer. */
  private static final class Voters {
    final ConcurrentLinkedQueue<String> tokens;
    final String answers;
    final HttpClientAgent client;
    final int port;
    final List<long[]> acks = Collections.synchronizedList(new ArrayList<>());
    final List<String> receipts = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger retried = new AtomicInteger();
    final AtomicInteger gaveUp = new AtomicInteger();
    final AtomicInteger other = new AtomicInteger();
    final AtomicLong count = new AtomicLong();
    final SecureRandom random = new SecureRandom();
    long deadline;

    Voters(HttpClientAgent client, int port, List<String> tokens, String answers) {
      this.client = client;
      this.port = port;
      this.tokens = new ConcurrentLinkedQueue<>(tokens);
      this.answers = answers;
    }

    void run(int concurrency, long nanos) {
      deadline = System.nanoTime() + nanos;
      List<Future<Void>> phones = new ArrayList<>();
      for (int i = 0; i < concurrency; i++) phones.add(nextPhone());
      Future.join(phones).await();
    }

    private Future<Void> nextPhone() {
      String token = System.nanoTime() < deadline ? tokens.poll() : null;
      if (token == null) return Future.succeededFuture();
      byte[] nonce = new byte[32];
      random.nextBytes(nonce);
      Buffer body = new JsonObject().put("nonce", Base64.getUrlEncoder().withoutPadding().encodeToString(nonce))
          .put("answers", new JsonObject(answers)).toBuffer();
      return vote(token, body, 0).compose(v -> nextPhone());
    }

    private Future<Void> vote(String token, Buffer body, int attempt) {
      RequestOptions post = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
          .setURI("/api/v/" + token).putHeader("Content-Type", "application/json").setTimeout(30_000);
      return client.request(post).compose(r -> r.send(body)).compose(r -> r.body().map(b -> {
        if (r.statusCode() == 201 || r.statusCode() == 200) {
          acks.add(new long[] {System.currentTimeMillis(), count.incrementAndGet()});
          receipts.add(new JsonObject(b).getString("receipt"));
          return true;
        }
        if (r.statusCode() < 500) other.incrementAndGet();
        return r.statusCode() < 500;
      })).otherwise(false).compose(answered -> {
        if (answered) return Future.<Void>succeededFuture();
        if (attempt >= 10) {
          gaveUp.incrementAndGet();
          return Future.<Void>succeededFuture();
        }
        retried.incrementAndGet();
        Promise<Void> later = Promise.promise();
        Vertx.currentContext().owner().setTimer(300, id -> vote(token, body, attempt + 1).onComplete(later));
        return later.future();
      });
    }
  }

  /** A big screen: follows the stream and notes when it showed each turnout; through the proxy it reconnects. */
  private static final class Screen {
    final String name;
    final List<long[]> seen = Collections.synchronizedList(new ArrayList<>());
    volatile boolean open;
    volatile long firstByteMs = -1;
    int reconnects;
    private final StringBuilder pending = new StringBuilder();
    /** When the current connection opened: lags are measured only for ballots acknowledged while connected. */
    private final List<long[]> connected = Collections.synchronizedList(new ArrayList<>());

    Screen(Vertx vertx, HttpClientAgent client, int port, String path, String key, String name, boolean reconnect) {
      this.name = name;
      connect(vertx, client, port, path, key, reconnect);
    }

    private void connect(Vertx vertx, HttpClientAgent client, int port, String path, String key, boolean reconnect) {
      long started = System.currentTimeMillis();
      RequestOptions get = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
          .setURI(path).putHeader("Authorization", "Screen " + key);
      client.request(get).compose(r -> r.send()).compose(r -> {
        if (r.statusCode() != 200) return Future.failedFuture("status " + r.statusCode());
        open = true;
        pending.setLength(0);
        connected.add(new long[] {started, Long.MAX_VALUE});
        r.handler(chunk -> {
          if (firstByteMs < 0) firstByteMs = System.currentTimeMillis() - started;
          chunk(chunk);
        });
        return r.end();
      }).onComplete(ended -> {
        open = false;
        if (!connected.isEmpty()) connected.get(connected.size() - 1)[1] = System.currentTimeMillis();
        // As EventSource does, after the stream's "retry: 2000".
        if (reconnect) {
          reconnects++;
          vertx.setTimer(2000, id -> connect(vertx, client, port, path, key, true));
        }
      });
    }

    private void chunk(Buffer buffer) {
      pending.append(buffer.toString());
      int end;
      while ((end = pending.indexOf("\n\n")) >= 0) {
        String event = pending.substring(0, end);
        pending.delete(0, end + 2);
        if (!event.startsWith("event: tally")) continue;
        long now = System.currentTimeMillis();
        int at = event.indexOf(RETURNED);
        if (at >= 0) seen.add(new long[] {now, Long.parseLong(event.substring(at + RETURNED.length()).split("[,}]", 2)[0])});
      }
    }

    /**
     * For each ballot acknowledged while this screen was connected (and past its first second), the time from its
     * acknowledgement (the n-th) until the screen showed at least n ballots, sorted; a lone -1 if the screen never
     * caught up with one while still connected.
     */
    long[] lags(List<long[]> acks) {
      List<long[]> shown = new ArrayList<>(seen);
      List<Long> lags = new ArrayList<>();
      for (long[] ack : acks) {
        long[] window = windowOf(ack[0]);
        if (window == null) continue;
        long when = -1;
        for (long[] s : shown) {
          if (s[0] >= window[0] && s[1] >= ack[1]) {
            when = s[0];
            break;
          }
        }
        if (when < 0 || when > window[1]) {
          if (window[1] == Long.MAX_VALUE) return new long[] {-1};
          continue;
        }
        lags.add(Math.max(0, when - ack[0]));
      }
      return lags.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** The longest time between two snapshots while ballots were coming in [from, to] and the screen was connected. */
    long longestGap(long from, long to) {
      List<long[]> shown = new ArrayList<>(seen);
      long worst = 0;
      for (int i = 1; i < shown.size(); i++) {
        long a = shown.get(i - 1)[0];
        long b = shown.get(i)[0];
        if (b < from || a > to || connection(a) != connection(b)) continue;
        worst = Math.max(worst, b - a);
      }
      return worst;
    }

    private long[] connection(long time) {
      synchronized (connected) {
        for (long[] w : connected) if (time >= w[0] && time <= w[1]) return w;
      }
      return null;
    }

    private long[] windowOf(long time) {
      synchronized (connected) {
        for (long[] w : connected) if (time >= w[0] + 1000 && time <= w[1]) return w;
      }
      return null;
    }
  }
}
