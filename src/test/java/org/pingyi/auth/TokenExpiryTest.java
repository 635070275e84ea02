package org.pingyi.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Slow;

@Slow
class TokenExpiryTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension(config -> config.withSessionTtl(Duration.ofSeconds(2)));

  @Test
  void aTokenStopsWorkingWhenItExpires() throws InterruptedException {
    Api admin = server.api().asAdmin();
    assertThat(admin.get("/api/auth/me").statusCode()).isEqualTo(200);

    Thread.sleep(3_100);

    var expired = admin.get("/api/auth/me");
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(expired.bodyAsJsonObject().getString("error")).isEqualTo("token_expired");
  }
}
