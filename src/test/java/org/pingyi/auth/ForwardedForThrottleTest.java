package org.pingyi.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.http.TrustedProxies;
import org.pingyi.support.Db;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.TestDatabase;

/**
 * The sign-in throttle counts guesses by the client's address: behind a trusted proxy the one X-Forwarded-For
 * carries, from any other peer its own, whatever header it sends. An address at its limit is set up in SQL, so
 * that only a few passwords are hashed.
 */
class ForwardedForThrottleTest {
  /** The tests' client connects from loopback: here that is the proxy. */
  @RegisterExtension
  static final ServerExtension behindProxy =
      new ServerExtension(c -> c.withTrustedProxies(TrustedProxies.parse("127.0.0.1, ::1")));
  /** Trusts only a proxy elsewhere: the tests' client is an ordinary peer. */
  @RegisterExtension
  static final ServerExtension direct = new ServerExtension(c -> c.withTrustedProxies(TrustedProxies.parse("192.0.2.1")));

  private static final Vertx vertx = Vertx.vertx();
  private static final WebClient client = WebClient.create(vertx);

  @AfterAll
  static void close() {
    vertx.close().await();
  }

  @Test
  void behindATrustedProxyTheForwardedAddressIsCountedAndALockedOneIsRefused() {
    lockAddress(behindProxy, "203.0.113.7");

    assertThat(guess(behindProxy, "203.0.113.7").statusCode()).isEqualTo(429);
    assertThat(guess(behindProxy, "203.0.113.8").statusCode()).as("another client behind the same proxy").isEqualTo(401);
    // A phone that forges the header gets its own address appended by the proxy: that one counts.
    assertThat(guess(behindProxy, "203.0.113.7, 203.0.113.9").statusCode()).isEqualTo(401);
    assertThat(failures(behindProxy, "203.0.113.9")).isEqualTo(1);
    assertThat(failures(behindProxy, "203.0.113.8")).isEqualTo(1);
  }

  @Test
  void fromAnUntrustedPeerTheHeaderIsIgnoredAndThePeerIsCounted() {
    assertThat(guess(direct, "203.0.113.50").statusCode()).isEqualTo(401);
    assertThat(failures(direct, "203.0.113.50")).as("the forwarded address is not counted").isZero();
    String peer = new Db(direct.database())
        .strings("SELECT substr(key, 6) FROM login_failures WHERE key LIKE 'addr:%'").get(0);
    assertThat(peer).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");

    lockAddress(direct, peer);
    assertThat(guess(direct, "203.0.113.51").statusCode()).as("a fresh forwarded address per guess").isEqualTo(429);
  }

  private static HttpResponse<Buffer> guess(ServerExtension server, String forwardedFor) {
    return client.postAbs(server.baseUrl() + "/api/auth/login").putHeader("X-Forwarded-For", forwardedFor)
        .sendJsonObject(new JsonObject().put("username", "nobody-" + forwardedFor.hashCode()).put("password", "wrong-1"))
        .await();
  }

  private static void lockAddress(ServerExtension server, String address) {
    TestDatabase.execute(server.database(), "INSERT INTO login_failures (key, failures, window_start) VALUES ('addr:"
        + address + "', " + LoginThrottle.ADDRESS_LIMIT + ", now()) ON CONFLICT (key) DO UPDATE SET failures = "
        + LoginThrottle.ADDRESS_LIMIT + ", window_start = now()");
  }

  private static long failures(ServerExtension server, String address) {
    return new Db(server.database())
        .count("SELECT coalesce(sum(failures), 0) FROM login_failures WHERE key = ?", "addr:" + address);
  }
}
