package org.pingyi.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.core.shareddata.LocalMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every connection gets before its first byte is read: a cap on the connections one address holds, the
 * stricter request decoder, and the read deadlines. Vert.x has no public hook into a connection's Netty pipeline,
 * so the connection handler, which Vert.x calls as the connection is set up and before it reads anything, reaches
 * it through the connection's implementation class; a Vert.x upgrade that changes this fails the protocol tests.
 */
public final class Connections {
  private static final Logger LOG = LoggerFactory.getLogger(Connections.class);
  /** One warning at most this often: a flood of refused connections must not flood the log as well. */
  private static final long WARN_EVERY_MILLIS = 60_000;
  private static final AtomicLong lastWarning = new AtomicLong();

  private final HttpServerOptions options;
  private final ConnectionLimits limits;
  private final TrustedProxies proxies;
  /** Shared by every server instance of this Vert.x: the cap is per address, whichever event loop took it. */
  private final LocalMap<String, Integer> openPerAddress;

  private Connections(Vertx vertx, HttpServerOptions options, ConnectionLimits limits, TrustedProxies proxies) {
    this.options = options;
    this.limits = limits;
    this.proxies = proxies;
    this.openPerAddress = vertx.sharedData().getLocalMap("pingyi.open-connections-per-address");
  }

  /**
   * The server's options. HTTP/2 over cleartext is off: browsers only speak HTTP/2 over TLS, and with it on, bytes
   * after an HTTP/2 preface or an h2c upgrade reached a decoder that logs every malformed frame as an ERROR. The
   * preface is then an HTTP/1 request line like any other, refused with 400.
   */
  public static HttpServerOptions serverOptions(int idleTimeoutSeconds) {
    return new HttpServerOptions().setIdleTimeout(idleTimeoutSeconds).setHttp2ClearTextEnabled(false);
  }

  /** The connection handler for a server created with these options. */
  public static Handler<HttpConnection> guard(Vertx vertx, HttpServerOptions options, ConnectionLimits limits,
                                              TrustedProxies proxies) {
    return new Connections(vertx, options, limits, proxies)::open;
  }

  private void open(HttpConnection connection) {
    String address = connection.remoteAddress() == null ? "" : connection.remoteAddress().hostAddress();
    boolean counted = counted(address);
    if (counted && !admit(address)) {
      // Refused before anything is read: answering would mean reading a request from the address being held off.
      connection.close();
      warnOverCap();
      return;
    }
    Channel channel = ((ConnectionBase) connection).channel();
    // The channel's own close, not the connection's close handler, which any later code could replace.
    if (counted) channel.closeFuture().addListener(closed -> release(address));
    ChannelPipeline pipeline = channel.pipeline();
    // Nothing has been read yet, so the decoder is swapped before it holds any state.
    pipeline.replace("httpDecoder", "httpDecoder", new StrictRequestDecoder(options));
    ReadDeadlines deadlines = new ReadDeadlines(limits.requestRead());
    pipeline.addBefore("httpDecoder", "requestStart", deadlines.bytes());
    pipeline.addAfter("httpDecoder", "requestEnd", deadlines.messages());
    pipeline.addFirst("flushBeforeClose", new FlushBeforeClose());
  }

  /**
   * A trusted reverse proxy is not capped: every phone behind it arrives from its address, and which phone a
   * connection carries is known only once a request is read (X-Forwarded-For), too late for a cap that refuses
   * before reading. The proxy caps connections per client itself (nginx limit_conn, deploy/nginx).
   */
  private boolean counted(String address) {
    return limits.perAddress() > 0 && !proxies.trusts(address);
  }

  /** Takes a slot for a counted address, or refuses it when the address already holds the cap. */
  private boolean admit(String address) {
    int open = openPerAddress.merge(address, 1, Integer::sum);
    if (open <= limits.perAddress()) return true;
    release(address);
    return false;
  }

  private void release(String address) {
    openPerAddress.computeIfPresent(address, (a, open) -> open <= 1 ? null : open - 1);
  }

  private void warnOverCap() {
    long now = System.currentTimeMillis();
    long last = lastWarning.get();
    if (now - last < WARN_EVERY_MILLIS || !lastWarning.compareAndSet(last, now)) return;
    // Never the address itself: the log must not tie a phone to a moment of voting.
    LOG.warn("Refused connections from an address that already holds {} (PINGYI_MAX_CONNECTIONS_PER_ADDRESS); "
        + "if many phones share one address, raise it", limits.perAddress());
  }
}
