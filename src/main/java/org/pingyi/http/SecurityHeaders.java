package org.pingyi.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers every response carries: a strict Content-Security-Policy (no inline script or style, nothing from
 * outside, no framing), no MIME sniffing, and no Referer ever: the voter page's address holds the slip token.
 * API answers are never stored by a cache.
 */
public final class SecurityHeaders implements Handler<RoutingContext> {
  private static final String CSP = String.join("; ",
      "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:",
      "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'",
      "form-action 'self'", "frame-ancestors 'none'");

  @Override
  public void handle(RoutingContext ctx) {
    addTo(ctx.response().headers());
    // API answers carry screen keys, receipts and staff data: no browser or proxy may keep a copy.
    // The path as routed: /%61pi/ reaches the API too.
    if (RequestLog.routedPath(ctx).startsWith("/api/")) {
      ctx.response().headers().set("Cache-Control", "no-store");
    }
    ctx.next();
  }

  /**
   * The headers without the API's Cache-Control, for answers written where this handler has not run: a request
   * refused by HTTP decoding, or by the router before any route matched (an address it cannot decode).
   */
  static void addTo(MultiMap headers) {
    headers.set("Content-Security-Policy", CSP)
        .set("X-Content-Type-Options", "nosniff")
        .set("X-Frame-Options", "DENY")
        .set("Referrer-Policy", "no-referrer")
        .set("Cross-Origin-Opener-Policy", "same-origin")
        .set("Cross-Origin-Resource-Policy", "same-origin")
        .set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
  }
}
