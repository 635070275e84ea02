package org.pingyi.bench;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The set-up step of bench/run-load.sh: creates and opens an event through the API, issues the slips, and
 * writes for wrk the warm-up tokens, the measured tokens (one per line) and the answers of a valid ballot.
 * It prints key=value lines (the event, the slips, the issuing rate, a screen link's key) for the script. Configured by environment
 * variables.
 */
public final class LoadSetup {

  private LoadSetup() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    int slips = Integer.parseInt(env.getOrDefault("SLIPS", "200000"));
    int warmup = Integer.parseInt(env.getOrDefault("WARMUP", "5000"));
    Path out = Path.of(env.getOrDefault("OUT_DIR", "target/bench"));
    Vertx vertx = Vertx.vertx();
    try {
      BenchSetup setup = new BenchSetup(vertx, env.getOrDefault("BENCH_HOST", "127.0.0.1"),
          Integer.parseInt(env.getOrDefault("BENCH_PORT", "8080")), env.getOrDefault("PINGYI_ADMIN_PASSWORD", ""));
      String eventId = setup.openEvent();
      long issuing = System.nanoTime();
      List<String> tokens = setup.issueSlips(warmup + slips);
      double seconds = (System.nanoTime() - issuing) / 1e9;
      Files.createDirectories(out);
      Files.write(out.resolve("tokens-warmup.txt"), tokens.subList(0, warmup));
      Files.write(out.resolve("tokens.txt"), tokens.subList(warmup, tokens.size()));
      Files.writeString(out.resolve("answers.json"), setup.answersJson());
      System.out.printf("event_id=%s%nslips_issued=%d%nissue_slips_per_s=%.0f%nscreen_key=%s%n", eventId,
          tokens.size(), tokens.size() / seconds, setup.screenKey());
    } finally {
      vertx.close().await();
    }
  }
}
