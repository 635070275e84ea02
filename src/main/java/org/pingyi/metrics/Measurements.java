package org.pingyi.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.IntSupplier;
import org.pingyi.http.ErrorCode;

/**
 * What the features report beyond Vert.x's own figures: ballots accepted and refused, the sizes of group commits
 * and of mixed batches, and the screens connected. Every label value is a constant of the code (a refusal's error
 * code, never its message, its slip or its event), so no series can single out a voter, a slip or a moment.
 * Thread-safe: every server instance of the process reports into the same meters.
 */
public final class Measurements {
  private static final String ACCEPTED =
      "Phone ballots stored (201); replay=true: sent again once stored, and answered with the same receipt (200)";

  private final MeterRegistry registry;
  private final Counter accepted;
  private final Counter replayed;
  private final DistributionSummary groups;
  private final DistributionSummary mixes;
  private final Set<IntSupplier> screens = new CopyOnWriteArraySet<>();

  private Measurements(MeterRegistry registry) {
    this.registry = registry;
    accepted = Counter.builder("pingyi.ballots.accepted").tag("replay", "false").description(ACCEPTED).register(registry);
    replayed = Counter.builder("pingyi.ballots.accepted").tag("replay", "true").description(ACCEPTED).register(registry);
    groups = DistributionSummary.builder("pingyi.ballot.group.size").baseUnit("ballots")
        .description("Ballots committed together in one transaction (group commit)")
        .serviceLevelObjectives(1, 2, 5, 10, 20, 50, 100, 200, 500).register(registry);
    mixes = DistributionSummary.builder("pingyi.mix.batch.size").baseUnit("ballots")
        .description("Ballots moved from the ballot box into the results by one mixing pass")
        .serviceLevelObjectives(5, 10, 20, 50, 100, 200, 500, 1000, 2000).register(registry);
    Gauge.builder("pingyi.screens.connected", this, Measurements::openScreens)
        .description("Tally streams (big screens, consoles) open on this process").register(registry);
  }

  public static Measurements in(MeterRegistry registry) {
    return new Measurements(registry);
  }

  /** Measures nothing: for a server run without /metrics (tests). */
  public static Measurements none() {
    return new Measurements(new CompositeMeterRegistry());
  }

  public void ballotAccepted(boolean replay) {
    (replay ? replayed : accepted).increment();
  }

  /** A phone ballot refused, by the error code it was refused with (null: an unexpected failure, "error"). */
  public void ballotRefused(ErrorCode code) {
    registry.counter("pingyi.ballots.refused", "reason", code == null ? "error" : code.wireName()).increment();
  }

  public void ballotGroup(int ballots) {
    groups.record(ballots);
  }

  public void mixBatch(int ballots) {
    mixes.record(ballots);
  }

  /** Counts the screens one server instance holds open, until {@link #stopCountingScreens}. */
  public void countScreens(IntSupplier open) {
    screens.add(open);
  }

  public void stopCountingScreens(IntSupplier open) {
    screens.remove(open);
  }

  private double openScreens() {
    return screens.stream().mapToInt(IntSupplier::getAsInt).sum();
  }
}
