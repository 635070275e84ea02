package org.pingyi.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The pause between an event's snapshots grows with what they cost to send, so screens cannot starve voting. */
class BroadcastBudgetTest {

  @Test
  void aHallsFewScreensGetEveryTick() {
    assertThat(LiveTally.pause(15_000, 5)).isLessThan(TimeUnit.MILLISECONDS.toNanos(LiveTally.TICK_MS));
    assertThat(LiveTally.pause(15_000, 800)).isLessThan(TimeUnit.MILLISECONDS.toNanos(LiveTally.TICK_MS));
  }

  @Test
  void thousandsOfScreensStillGetASnapshotWithinASecond() {
    assertThat(LiveTally.pause(15_000, 4_000)).isLessThan(TimeUnit.SECONDS.toNanos(1));
  }

  @Test
  void tenThousandScreensAreServedWithinTheBudget() {
    long bytes = 15_000L * 10_000;
    long pause = LiveTally.pause(15_000, 10_000);
    // 150 MB per snapshot at 64 MiB/s: about 2.2 s between snapshots, never faster than the budget.
    assertThat(pause).isGreaterThanOrEqualTo(bytes * 1_000_000_000L / LiveTally.BROADCAST_BYTES_PER_SECOND - 1);
    assertThat(pause).isBetween(TimeUnit.SECONDS.toNanos(2), TimeUnit.SECONDS.toNanos(3));
  }
}
