package org.pingyi.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The load client of bench/run-load.sh: sets up an event through the API, issues the slips, warms the server up,
 * measures the HTTP ceiling (GET /ping) and then casts every slip once at the configured concurrency. It prints
 * what it measured and writes it as key=value lines for the script. Configured by environment variables.
 */
public final class LoadClient {
  /** Long enough for both JVMs to compile the /ping paths before it is measured. */
  private static final int PING_WARMUP_SECONDS = 5;
  private final Map<String, String> env = System.getenv();
  private final Map<String, String> results = new LinkedHashMap<>();
  private final String host = env.getOrDefault("BENCH_HOST", "127.0.0.1");
  private final int port = Integer.parseInt(env.getOrDefault("BENCH_PORT", "8080"));
  private final int slips = intEnv("SLIPS", 200_000);
  private final int warmup = intEnv("WARMUP", 5_000);
  private final int concurrency = intEnv("CONCURRENCY", 2_000);
  private final int loops = intEnv("CLIENT_EVENT_LOOPS", 2);
  private final int durationSeconds = intEnv("DURATION", 0);
  private final int pingSeconds = intEnv("PING_SECONDS", 10);
  private final CpuMeter cpu = new CpuMeter(intEnv("SERVER_PID", 0), intEnv("POSTMASTER_PID", 0));
  private final DbProbe db = new DbProbe(env.getOrDefault("PGHOST", "127.0.0.1"), intEnv("PGPORT", 5432),
      env.getOrDefault("PGDATABASE", "pingyi_bench"), env.getOrDefault("PGUSER", "postgres"));
  private final List<LoadLoop> clients = new CopyOnWriteArrayList<>();

  public static void main(String[] args) throws Exception {
    new LoadClient().run();
  }

  private void run() throws IOException {
    if (concurrency < 1 || loops < 1 || concurrency < loops) throw new IllegalArgumentException("CONCURRENCY < CLIENT_EVENT_LOOPS");
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
    try {
      BenchSetup setup = new BenchSetup(vertx, host, port, env.getOrDefault("PINGYI_ADMIN_PASSWORD", "bench-admin-pw"));
      phase("setup");
      String eventId = setup.openEvent();
      long issuing = System.nanoTime();
      List<String> tokens = setup.issueSlips(warmup + slips);
      double issueSeconds = (System.nanoTime() - issuing) / 1e9;
      say("issued %,d slips (CSV) in %.1f s: %,.0f slips/s", tokens.size(), issueSeconds, tokens.size() / issueSeconds);
      put("event_id", eventId);
      put("slips_issued", tokens.size());
      put("issue_slips_per_s", fmt(tokens.size() / issueSeconds));
      deployClients(vertx);
      String answers = setup.answersJson();

      phase("warmup");
      Stats warm = measure(tokens.subList(0, warmup), answers, 0);
      say("warm-up: %,d ballots, %,d accepted (%s), all %,d connections open", warm.requests(), warm.withStatus(201),
          warm.unexpected(201), concurrency);

      phase("ping");
      ping(PING_WARMUP_SECONDS);
      CpuMeter.Sample pingStart = cpu.sample();
      Stats ping = ping(pingSeconds);
      CpuMeter.Sample pingUsed = cpu.sample().minus(pingStart);
      report("ping", ping, 200, pingUsed);

      db.checkpoint();
      put("wal_start", db.walLsn());
      phase("ballots");
      CpuMeter.Sample before = cpu.sample();
      Stats cast = measure(tokens.subList(warmup, tokens.size()), answers, durationSeconds);
      CpuMeter.Sample used = cpu.sample().minus(before);
      phase("done");
      put("wal_end", db.walLsn());
      report("ballots", cast, 201, used);
      verify(eventId, warm.withStatus(201) + cast.withStatus(201));
      put("answers_json", db.storedAnswers(eventId));
    } finally {
      vertx.close().await();
      Path out = Path.of(env.getOrDefault("RESULT_FILE", "target/bench/load-result.properties"));
      Files.createDirectories(out.toAbsolutePath().getParent());
      StringBuilder text = new StringBuilder();
      results.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
      Files.writeString(out, text);
    }
  }

  /**
   * One LoadLoop per client event loop. Vert.x hands out event loops round-robin, and contexts created
   * elsewhere meanwhile can make two instances share one: then deploy again.
   */
  private void deployClients(Vertx vertx) {
    for (int attempt = 0; attempt < 10; attempt++) {
      clients.clear();
      AtomicInteger next = new AtomicInteger();
      String id = vertx.deployVerticle(() -> {
        LoadLoop loop = new LoadLoop(host, port, share(concurrency, next.getAndIncrement()));
        clients.add(loop);
        return loop;
      }, new DeploymentOptions().setInstances(loops)).await();
      if (clients.stream().map(LoadLoop::thread).distinct().count() == loops) return;
      vertx.undeploy(id).await();
    }
    say("warning: the %d client verticles share event loops", loops);
  }

  /** Casts one ballot per token, each event loop over its own contiguous share of the tokens. */
  private Stats measure(List<String> tokens, String answers, int seconds) {
    int[] from = {0};
    return runAll(i -> {
      int n = share(tokens.size(), i);
      BallotWork work = new BallotWork(tokens.subList(from[0], from[0] + n), answers);
      from[0] += n;
      return work;
    }, seconds, tokens.size());
  }

  private Stats ping(int seconds) {
    return runAll(i -> client -> client.get("/ping").send(), seconds, pingSeconds * 100_000);
  }

  private Stats runAll(IntFunction<LoadLoop.Work> work, int seconds, int expected) {
    long deadline = seconds > 0 ? System.nanoTime() + seconds * 1_000_000_000L : Long.MAX_VALUE;
    List<Future<Stats>> parts = new ArrayList<>();
    for (int i = 0; i < loops; i++) parts.add(clients.get(i).run(work.apply(i), deadline, expected / loops));
    Future.all(parts).await();
    return Stats.merge(parts.stream().map(Future::result).toList());
  }

  private void report(String name, Stats stats, int expected, CpuMeter.Sample used) {
    double seconds = used.nanos() / 1e9;
    double rate = stats.withStatus(expected) / seconds;
    say("%s: %,d requests in %.1f s, %,d × %d = %,.0f/s; latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; "
            + "other answers %s", name, stats.requests(), seconds, stats.withStatus(expected), expected, rate,
        stats.percentileMs(50), stats.percentileMs(90), stats.percentileMs(99), stats.maxMs(), stats.unexpected(expected));
    put(name + "_per_s", fmt(rate));
    put(name + "_seconds", fmt(seconds));
    put(name + "_requests", stats.requests());
    put(name + "_ok", stats.withStatus(expected));
    for (int p : new int[] {50, 90, 99}) put(name + "_p" + p + "_ms", fmt(stats.percentileMs(p)));
    put(name + "_max_ms", fmt(stats.maxMs()));
    put(name + "_errors", stats.unexpectedCount(expected));
    put(name + "_errors_by_status", stats.unexpected(expected).toString().replace(" ", ""));
    reportCpu(name, used);
  }

  private void reportCpu(String name, CpuMeter.Sample used) {
    say("CPU during %s (cores of %d): server %.2f, PostgreSQL %.2f, load client %.2f, everything else %.2f",
        name, Runtime.getRuntime().availableProcessors(), used.cores(used.server()), used.cores(used.postgres()),
        used.cores(used.client()), used.cores(used.others()));
    put(name + "_cpu_server", fmt(used.cores(used.server())));
    put(name + "_cpu_postgres", fmt(used.cores(used.postgres())));
    put(name + "_cpu_client", fmt(used.cores(used.client())));
    put(name + "_cpu_other", fmt(used.cores(used.others())));
  }

  /** The database must hold exactly the ballots the server said it accepted, and as many used slips. */
  private void verify(String eventId, long accepted) {
    long stored = db.ballots(eventId);
    long used = db.usedSlips(eventId);
    say("check: %,d ballots accepted (201), %,d stored, %,d slips used%s", accepted, stored, used,
        stored == accepted && used == accepted ? "" : "  <-- MISMATCH");
    put("stored_ballots", stored);
    put("verified", stored == accepted && used == accepted);
  }

  private void phase(String name) {
    // The script attributes the server's heap samples to phases by these wall-clock marks.
    System.out.println("PHASE " + name + " " + System.currentTimeMillis());
    put("phase_" + name + "_ms", System.currentTimeMillis());
  }

  /** Event loop i's part of a total split as evenly as possible. */
  private int share(int total, int i) {
    return total / loops + (i < total % loops ? 1 : 0);
  }

  private int intEnv(String name, int fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }

  private void put(String key, Object value) {
    results.put(key, String.valueOf(value));
  }

  private static String fmt(double value) {
    return Double.isNaN(value) ? "nan" : String.format("%.1f", value);
  }

  private static void say(String format, Object... args) {
    System.out.println(String.format(format, args));
  }
}
