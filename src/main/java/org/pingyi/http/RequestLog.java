package org.pingyi.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access log. It never records the client's address, and it masks slip tokens in paths, so the log
 * cannot tie a voter's phone to a slip or a moment of voting.
 */
public final class RequestLog implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger("access");
  private static final Pattern SLIP_TOKEN = Pattern.compile("(/v/)[^/?#]+");

  @Override
  public void handle(RoutingContext ctx) {
    long start = System.nanoTime();
    ctx.addBodyEndHandler(ignored -> LOG.info("{} {} {} {}ms", ctx.request().method(), safePath(ctx),
        ctx.response().getStatusCode(), (System.nanoTime() - start) / 1_000_000));
    ctx.next();
  }

  /**
   * The request path as routed (percent-encoded letters decoded, so /%76/&lt;token&gt; is the voter's page too)
   * with any slip token replaced, and without the query string.
   */
  public static String safePath(RoutingContext ctx) {
    return SLIP_TOKEN.matcher(routedPath(ctx)).replaceAll("$1***");
  }

  /** The path the router matches; for an address that cannot be decoded (a stray %), the raw path. */
  static String routedPath(RoutingContext ctx) {
    try {
      return ctx.normalizedPath();
    } catch (RuntimeException undecodable) {
      return ctx.request().path();
    }
  }
}
