package org.pingyi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingyi.http.ConnectionLimits;

class AppConfigTest {

  @Test
  void withNothingSetPingyiListensOn8080AndStartsItsOwnDatabase() {
    AppConfig config = AppConfig.fromEnv(Map.of());

    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.dataDir().toString()).endsWith("data");
    assertThat(config.externalDatabase()).isFalse();
    assertThat(config.publicUrl()).startsWith("http://").endsWith(":8080");
    assertThat(config.sessionTtl()).isEqualTo(Duration.ofMinutes(60));
    assertThat(config.connectionLimits()).isEqualTo(new ConnectionLimits(12_000, Duration.ofSeconds(10), 1_000));
  }

  @Test
  void theConnectionLimitsAreSetFromTheEnvironmentAndZeroLiftsTheCap() {
    AppConfig config = AppConfig.fromEnv(Map.of("PINGYI_MAX_CONNECTIONS_PER_ADDRESS", "0",
        "PINGYI_REQUEST_READ_SECONDS", "30", "PINGYI_BALLOTS_IN_FLIGHT", "50"));

    assertThat(config.connectionLimits()).isEqualTo(new ConnectionLimits(0, Duration.ofSeconds(30), 50));
    assertThatThrownBy(() -> AppConfig.fromEnv(Map.of("PINGYI_BALLOTS_IN_FLIGHT", "0")))
        .hasMessageStartingWith("PINGYI_BALLOTS_IN_FLIGHT:");
    assertThatThrownBy(() -> AppConfig.fromEnv(Map.of("PINGYI_REQUEST_READ_SECONDS", "0")))
        .hasMessageStartingWith("PINGYI_REQUEST_READ_SECONDS:");
    assertThatThrownBy(() -> AppConfig.fromEnv(Map.of("PINGYI_MAX_CONNECTIONS_PER_ADDRESS", "many")))
        .hasMessageStartingWith("PINGYI_MAX_CONNECTIONS_PER_ADDRESS:");
  }

  @Test
  void aDatabaseUrlOrPgVariablesMeanAnExternalDatabase() {
    assertThat(AppConfig.fromEnv(Map.of("DATABASE_URL", "postgresql://u:p@db:5432/pingyi")).externalDatabase()).isTrue();
    assertThat(AppConfig.fromEnv(Map.of("PGHOST", "db")).externalDatabase()).isTrue();
  }

  @Test
  void theConfiguredPublicUrlIsKeptWithoutItsTrailingSlash() {
    assertThat(AppConfig.fromEnv(Map.of("PINGYI_PUBLIC_URL", "http://192.168.1.20:8080/")).publicUrl())
        .isEqualTo("http://192.168.1.20:8080");
  }

  @Test
  void aBadValueNamesItsVariableAndTheReason() {
    assertThatThrownBy(() -> AppConfig.fromEnv(Map.of("PINGYI_HTTP_PORT", "eighty")))
        .hasMessageStartingWith("PINGYI_HTTP_PORT:").hasMessageContaining("whole number");
    assertThatThrownBy(() -> AppConfig.fromEnv(Map.of("PINGYI_HTTP_PORT", "70000")))
        .hasMessageStartingWith("PINGYI_HTTP_PORT:");
    assertThatThrownBy(() -> AppConfig.fromEnv(Map.of("DATABASE_URL", "mysql://x")))
        .hasMessageStartingWith("DATABASE_URL:");
    assertThatThrownBy(() -> AppConfig.fromEnv(Map.of("DATABASE_URL", "postgresql://user:@db/pingyi")))
        .hasMessageStartingWith("DATABASE_URL:");
    assertThatThrownBy(() -> AppConfig.fromEnv(Map.of("PINGYI_PUBLIC_URL", "192.168.1.20")))
        .hasMessageStartingWith("PINGYI_PUBLIC_URL:");
    assertThatThrownBy(() -> AppConfig.fromEnv(Map.of("PINGYI_JWT_KEY", "short")))
        .hasMessageStartingWith("PINGYI_JWT_KEY:");
    assertThatThrownBy(() -> AppConfig.fromEnv(Map.of("PINGYI_ADMIN_PASSWORD", "123")))
        .hasMessageStartingWith("PINGYI_ADMIN_PASSWORD:");
  }
}
