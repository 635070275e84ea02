package org.pingyi.http;

import io.netty.channel.ChannelPipeline;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * What every connection gets before its first byte is read: the stricter request decoder. Vert.x has no public
 * hook into a connection's Netty pipeline, so the connection handler, which Vert.x calls as the connection is set
 * up and before it reads anything, reaches it through the connection's implementation class; a Vert.x upgrade that
 * changes this fails the protocol tests.
 */
public final class Connections {
  private final HttpServerOptions options;

  private Connections(HttpServerOptions options) {
    this.options = options;
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
  public static Handler<HttpConnection> guard(HttpServerOptions options) {
    return new Connections(options)::open;
  }

  private void open(HttpConnection connection) {
    ChannelPipeline pipeline = ((ConnectionBase) connection).channel().pipeline();
    // Nothing has been read yet, so the decoder is swapped before it holds any state.
    pipeline.replace("httpDecoder", "httpDecoder", new StrictRequestDecoder(options));
    pipeline.addFirst("flushBeforeClose", new FlushBeforeClose());
  }
}
