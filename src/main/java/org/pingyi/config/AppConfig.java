package org.pingyi.config;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.pingyi.db.DatabaseSettings;
import org.pingyi.http.ConnectionLimits;
import org.pingyi.http.TrustedProxies;
import org.pingyi.metrics.MetricsEndpoint;

/** The server's configuration, read once from the environment; a bad value stops start-up with one clear line. */
public record AppConfig(
    int httpPort,
    Path dataDir,
    Optional<String> databaseUrl,
    boolean pgVariablesSet,
    String publicUrl,
    Optional<String> adminPassword,
    Optional<String> jwtKey,
    Duration sessionTtl,
    ConnectionLimits connectionLimits,
    TrustedProxies trustedProxies,
    MetricsEndpoint metrics) {

  /** A configuration value that cannot be used; its message names the variable and the reason. */
  public static final class ConfigException extends RuntimeException {
    ConfigException(String variable, String reason) {
      super(variable + ": " + reason);
    }
  }

  public static AppConfig fromEnv(Map<String, String> env) {
    int port = intValue(env, "PINGYI_HTTP_PORT", 8080, 0, 65535);
    Path dataDir = Path.of(env.getOrDefault("PINGYI_DATA_DIR", "./data")).toAbsolutePath().normalize();
    Optional<String> databaseUrl = nonBlank(env.get("DATABASE_URL"));
    databaseUrl.ifPresent(AppConfig::checkDatabaseUrl);
    boolean pgVariables = env.keySet().stream()
        .anyMatch(k -> k.equals("PGHOST") || k.equals("PGPORT") || k.equals("PGDATABASE") || k.equals("PGUSER"));
    String publicUrl = nonBlank(env.get("PINGYI_PUBLIC_URL")).map(AppConfig::checkPublicUrl)
        .orElseGet(() -> "http://" + lanAddress() + ":" + (port == 0 ? 8080 : port));
    Optional<String> adminPassword = nonBlank(env.get("PINGYI_ADMIN_PASSWORD"));
    adminPassword.ifPresent(p -> {
      if (p.length() < 8) throw new ConfigException("PINGYI_ADMIN_PASSWORD", "must be at least 8 characters");
    });
    Optional<String> jwtKey = nonBlank(env.get("PINGYI_JWT_KEY"));
    jwtKey.ifPresent(k -> {
      if (k.length() < 32) throw new ConfigException("PINGYI_JWT_KEY", "must be at least 32 characters");
    });
    int sessionMinutes = intValue(env, "PINGYI_SESSION_MINUTES", 60, 1, 24 * 60);
    ConnectionLimits limits = new ConnectionLimits(
        intValue(env, "PINGYI_MAX_CONNECTIONS_PER_ADDRESS", ConnectionLimits.DEFAULT_PER_ADDRESS, 0, 1_000_000),
        Duration.ofSeconds(intValue(env, "PINGYI_REQUEST_READ_SECONDS", ConnectionLimits.DEFAULT_REQUEST_READ_SECONDS,
            1, 600)),
        intValue(env, "PINGYI_BALLOTS_IN_FLIGHT", ConnectionLimits.DEFAULT_BALLOTS_IN_FLIGHT, 1, 1_000_000));
    TrustedProxies proxies = trustedProxies(env);
    MetricsEndpoint metrics = new MetricsEndpoint(
        nonBlank(env.get("PINGYI_METRICS_HOST")).orElse(MetricsEndpoint.DEFAULT_HOST),
        intValue(env, "PINGYI_METRICS_PORT", MetricsEndpoint.DEFAULT_PORT, 0, 65535));
    return new AppConfig(port, dataDir, databaseUrl, pgVariables, publicUrl.replaceAll("/+$", ""),
        adminPassword, jwtKey, Duration.ofMinutes(sessionMinutes), limits, proxies, metrics);
  }

  /** True when the operator named a database; otherwise Pingyi starts its own embedded PostgreSQL. */
  public boolean externalDatabase() {
    return databaseUrl.isPresent() || pgVariablesSet;
  }

  /** The operator's database: DATABASE_URL, else the PG* variables. Only for {@link #externalDatabase()}. */
  public DatabaseSettings externalDatabaseSettings() {
    return databaseUrl.map(DatabaseSettings::fromUri).orElseGet(DatabaseSettings::fromPgEnvironment);
  }

  public AppConfig withSessionTtl(Duration ttl) {
    return new AppConfig(httpPort, dataDir, databaseUrl, pgVariablesSet, publicUrl, adminPassword, jwtKey, ttl,
        connectionLimits, trustedProxies, metrics);
  }

  public AppConfig withPublicUrl(String url) {
    return new AppConfig(httpPort, dataDir, databaseUrl, pgVariablesSet, url, adminPassword, jwtKey, sessionTtl,
        connectionLimits, trustedProxies, metrics);
  }

  /** No operator-given admin password: the first start generates one and prints it. */
  public AppConfig withGeneratedAdminPassword() {
    return new AppConfig(httpPort, dataDir, databaseUrl, pgVariablesSet, publicUrl, Optional.empty(), jwtKey,
        sessionTtl, connectionLimits, trustedProxies, metrics);
  }

  public AppConfig withJwtKey(String key) {
    return new AppConfig(httpPort, dataDir, databaseUrl, pgVariablesSet, publicUrl, adminPassword, Optional.of(key),
        sessionTtl, connectionLimits, trustedProxies, metrics);
  }

  public AppConfig withConnectionLimits(ConnectionLimits limits) {
    return new AppConfig(httpPort, dataDir, databaseUrl, pgVariablesSet, publicUrl, adminPassword, jwtKey, sessionTtl,
        limits, trustedProxies, metrics);
  }

  public AppConfig withTrustedProxies(TrustedProxies proxies) {
    return new AppConfig(httpPort, dataDir, databaseUrl, pgVariablesSet, publicUrl, adminPassword, jwtKey, sessionTtl,
        connectionLimits, proxies, metrics);
  }

  private static TrustedProxies trustedProxies(Map<String, String> env) {
    try {
      return nonBlank(env.get("PINGYI_TRUSTED_PROXIES")).map(TrustedProxies::parse).orElseGet(TrustedProxies::none);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("PINGYI_TRUSTED_PROXIES", e.getMessage()
          + " (a comma-separated list of IP addresses or CIDR blocks, e.g. 127.0.0.1,10.0.0.0/8)");
    }
  }

  private static int intValue(Map<String, String> env, String name, int fallback, int min, int max) {
    Optional<String> raw = nonBlank(env.get(name));
    if (raw.isEmpty()) return fallback;
    try {
      int value = Integer.parseInt(raw.get().trim());
      if (value < min || value > max) {
        throw new ConfigException(name, "must be between " + min + " and " + max + ", got " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new ConfigException(name, "must be a whole number, got '" + raw.get() + "'");
    }
  }

  private static void checkDatabaseUrl(String url) {
    boolean parses;
    try {
      io.vertx.pgclient.PgConnectOptions.fromUri(url);
      parses = true;
    } catch (IllegalArgumentException e) {
      parses = false;
    }
    if (!parses || !url.startsWith("postgres://") && !url.startsWith("postgresql://")) {
      throw new ConfigException("DATABASE_URL", "must look like postgresql://user:password@host:5432/database");
    }
  }

  private static String checkPublicUrl(String url) {
    try {
      URI uri = URI.create(url);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw new IllegalArgumentException();
      }
      return url;
    } catch (IllegalArgumentException e) {
      throw new ConfigException("PINGYI_PUBLIC_URL", "must be an http(s) address such as http://192.168.1.10:8080");
    }
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /** The first private IPv4 address of an interface that is up: what phones on the hall's LAN can reach. */
  private static String lanAddress() {
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback()) continue;
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address && address.isSiteLocalAddress()) return address.getHostAddress();
        }
      }
    } catch (SocketException e) {
      // fall through to localhost: the console shows the address so the organizer can correct it
    }
    return "localhost";
  }
}
