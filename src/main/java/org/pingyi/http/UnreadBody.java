package org.pingyi.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * A request refused before its body was read (too large, not JSON) still has its body on the wire. Left
 * unread, the client blocks sending it, never reads the refusal, and holds the connection until the idle
 * timeout. So the rest is read and thrown away, and the connection closes after the answer; a client that
 * sends far more than any ballot, or sends it for too long, is cut off instead of being read for ever.
 */
final class UnreadBody {
  /** Eight times the API body limit: an honest client that overshot still gets to read its 413. */
  static final long MAX_DISCARDED_BYTES = 8L * 1024 * 1024;
  /** The idle timeout restarts with every byte: a byte a minute must not hold the connection for ever. */
  static final long MAX_DISCARD_MILLIS = 10_000;

  private final HttpServerRequest request;
  private final Promise<Void> bodyGone = Promise.promise();

  private UnreadBody(HttpServerRequest request) {
    this.request = request;
  }

  /**
   * Before the refusal is written: starts throwing the rest of the body away and marks the answer as the
   * connection's last. Null when there is nothing to do: the body was read, none was declared, or the request
   * is one stream of an HTTP/2 connection (closing would end the other streams; HTTP/2 has its own resets).
   */
  static UnreadBody beforeAnswering(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (request.isEnded() || !declaresBody(request) || request.version() == HttpVersion.HTTP_2) return null;
    UnreadBody unread = new UnreadBody(request);
    ctx.response().putHeader("Connection", "close");
    unread.discard(ctx);
    return unread;
  }

  /** Closes the connection once the answer is sent and the body is gone (or cut off). */
  void closeAfter(Future<Void> answered) {
    Future.all(answered, bodyGone.future()).onComplete(done -> request.connection().close());
  }

  private void discard(RoutingContext ctx) {
    long deadline = ctx.vertx().setTimer(MAX_DISCARD_MILLIS, id -> bodyGone.tryComplete());
    bodyGone.future().onComplete(done -> ctx.vertx().cancelTimer(deadline));
    long[] discarded = {0};
    request.handler(chunk -> {
      discarded[0] += chunk.length();
      if (discarded[0] > MAX_DISCARDED_BYTES) bodyGone.tryComplete();
    });
    request.endHandler(v -> bodyGone.tryComplete());
    request.resume();
  }

  private static boolean declaresBody(HttpServerRequest request) {
    return request.getHeader("Transfer-Encoding") != null || declaredLength(request) > 0;
  }

  private static long declaredLength(HttpServerRequest request) {
    try {
      String length = request.getHeader("Content-Length");
      return length == null ? -1 : Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
