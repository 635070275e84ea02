package org.pingyi.http;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * Answers requests that HTTP decoding already refused (an address or headers too long, a malformed request
 * line), which never reach the router: the same JSON error body as every other error, not an empty page.
 */
public final class InvalidRequests {
  private InvalidRequests() {
  }

  public static void answer(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    AppError error;
    if (cause instanceof AppError refused) {
      // Refused by StrictRequestDecoder: an unknown HTTP version, or a length given twice over.
      error = refused;
    } else if (cause instanceof TooLongHttpLineException) {
      error = AppError.of(ErrorCode.URI_TOO_LONG);
    } else if (cause instanceof TooLongHttpHeaderException) {
      error = AppError.of(ErrorCode.HEADERS_TOO_LARGE);
    } else {
      error = AppError.of(ErrorCode.BAD_REQUEST);
    }
    // The router never saw this request, so its security headers are added here.
    SecurityHeaders.addTo(request.response().headers());
    // The decoder cannot resynchronise on this connection: answer, then close it.
    request.response().setStatusCode(error.status())
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("Connection", "close")
        .end(new JsonObject().put("error", error.code()).put("message", error.getMessage())
            .put("fields", new JsonObject()).encode())
        .onComplete(done -> request.connection().close());
  }
}
