package org.pingyi.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.ServerExtension;

/**
 * The server signs in by a clock the test turns back, so a token can be issued a whole session ago instead of
 * waited out; the server still checks expiry by the real time, as in production.
 */
class TokenExpiryTest {
  private static final Duration SESSION = Duration.ofMinutes(30);
  private static final TurnedBackClock signIns = new TurnedBackClock();

  @RegisterExtension
  static final ServerExtension server = new ServerExtension(config -> config.withSessionTtl(SESSION), signIns);

  @Test
  void aTokenWorksUntilItsSessionTimeIsUpAndIsThenRefusedAsExpired() {
    signIns.turnBack(SESSION.minusSeconds(30));
    var nearlyUp = server.api().asAdmin().get("/api/auth/me");
    assertThat(nearlyUp.statusCode()).isEqualTo(200);

    signIns.turnBack(SESSION.plusSeconds(1));
    var expired = server.api().asAdmin().get("/api/auth/me");
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(expired.bodyAsJsonObject().getString("error")).isEqualTo("token_expired");
  }

  /** The system clock, less however long ago the test wants the next sign-in to have happened. */
  private static final class TurnedBackClock extends Clock {
    /** Set by the test thread, read on the server's event loop. */
    private volatile Duration back = Duration.ZERO;

    void turnBack(Duration by) {
      back = by;
    }

    @Override
    public Instant instant() {
      return Instant.now().minus(back);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the server reads only instants from this clock");
    }
  }
}
