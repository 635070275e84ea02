package org.pingyi.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pingyi.support.Api;
import org.pingyi.support.TestServer;

@ExtendWith(VertxExtension.class)
class TokenExpiryTest {
  private static TestServer server;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.start(vertx, config -> config.withSessionTtl(Duration.ofSeconds(2)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

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
