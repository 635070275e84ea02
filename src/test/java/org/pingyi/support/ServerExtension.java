package org.pingyi.support;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.pingyi.config.AppConfig;
import org.pingyi.PingyiServer;
import org.pingyi.db.DatabaseSettings;

/** One Pingyi server over a fresh database for a whole test class: {@code @RegisterExtension static ServerExtension server}. */
public final class ServerExtension implements BeforeAllCallback, AfterAllCallback {
  private final UnaryOperator<AppConfig> adjust;
  private final Clock sessionClock;
  private Vertx vertx;
  private TestServer server;

  public ServerExtension() {
    this(UnaryOperator.identity());
  }

  public ServerExtension(UnaryOperator<AppConfig> adjust) {
    this(adjust, Clock.systemUTC());
  }

  /** Sign-ins happen at the given clock's time: a test turns it back to hold an expired token without waiting. */
  public ServerExtension(UnaryOperator<AppConfig> adjust, Clock sessionClock) {
    this.adjust = adjust;
    this.sessionClock = sessionClock;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    vertx = Vertx.vertx();
    server = TestServer.start(vertx, adjust, sessionClock);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    server.close();
    vertx.close().await();
  }

  public Api api() {
    return server.api();
  }

  public String baseUrl() {
    return server.baseUrl();
  }

  public DatabaseSettings database() {
    return server.database();
  }

  public PingyiServer server() {
    return server.server();
  }
}
