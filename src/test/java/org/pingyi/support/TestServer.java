package org.pingyi.support;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.pingyi.config.AppConfig;
import org.pingyi.PingyiServer;
import org.pingyi.db.DatabaseSettings;
import org.pingyi.http.ConnectionLimits;
import org.pingyi.http.TrustedProxies;
import org.pingyi.metrics.Measurements;
import org.pingyi.metrics.MetricsEndpoint;

/** A Pingyi server on a free port over a fresh database, as production wires it. */
public final class TestServer implements AutoCloseable {
  public static final String ADMIN_PASSWORD = "admin-password-1";
  public static final String PUBLIC_URL = "http://192.0.2.10:8080";

  private final Vertx vertx;
  private final DatabaseSettings database;
  private final String deploymentId;
  private final PingyiServer server;

  private TestServer(Vertx vertx, DatabaseSettings database, String deploymentId, PingyiServer server) {
    this.vertx = vertx;
    this.database = database;
    this.deploymentId = deploymentId;
    this.server = server;
  }

  public static TestServer start(Vertx vertx) {
    return start(vertx, UnaryOperator.identity());
  }

  public static TestServer start(Vertx vertx, UnaryOperator<AppConfig> adjust) {
    return start(vertx, adjust, Clock.systemUTC());
  }

  /** A server whose sign-ins happen at the given clock's time, so their tokens expire by it (TokenExpiryTest). */
  public static TestServer start(Vertx vertx, UnaryOperator<AppConfig> adjust, Clock sessionClock) {
    return startOn(vertx, TestDatabase.fresh(), adjust, Measurements.none(), sessionClock);
  }

  /** A further server over an existing database (several instances sharing one PostgreSQL). */
  public static TestServer startOn(Vertx vertx, DatabaseSettings database, UnaryOperator<AppConfig> adjust) {
    return startOn(vertx, database, adjust, Measurements.none());
  }

  /** A server that reports into the given measurements (a Vert.x built with metrics, see MetricsTest). */
  public static TestServer startOn(Vertx vertx, DatabaseSettings database, UnaryOperator<AppConfig> adjust,
                                   Measurements measurements) {
    return startOn(vertx, database, adjust, measurements, Clock.systemUTC());
  }

  private static TestServer startOn(Vertx vertx, DatabaseSettings database, UnaryOperator<AppConfig> adjust,
                                    Measurements measurements, Clock sessionClock) {
    AppConfig config = adjust.apply(new AppConfig(0, Path.of("target", "test-data"), Optional.empty(), false,
        PUBLIC_URL, Optional.of(ADMIN_PASSWORD), Optional.empty(), Duration.ofMinutes(60), ConnectionLimits.defaults(),
        TrustedProxies.none(), MetricsEndpoint.defaults()));
    PingyiServer server = new PingyiServer(config, database, measurements, sessionClock);
    String id = vertx.deployVerticle(server).await();
    return new TestServer(vertx, database, id, server);
  }

  public int port() {
    return server.actualPort();
  }

  public PingyiServer server() {
    return server;
  }

  public DatabaseSettings database() {
    return database;
  }

  public String baseUrl() {
    return "http://localhost:" + port();
  }

  public Api api() {
    return new Api(vertx, port());
  }

  @Override
  public void close() {
    vertx.undeploy(deploymentId).await();
  }
}
