package org.pingyi.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Iterator;

/**
 * Sends a body produced chunk by chunk on the event loop with chunked transfer, asking for the next chunk
 * only while the response's write queue has room: however large the body, memory holds a few chunks.
 */
public final class ChunkedBody {
  private final HttpServerResponse response;
  private final Iterator<Buffer> chunks;
  private final Promise<Void> done = Promise.promise();

  private ChunkedBody(HttpServerResponse response, Iterator<Buffer> chunks) {
    this.response = response;
    this.chunks = chunks;
  }

  /** Writes every chunk and ends the response; fails with {@link ClientGone} if the client leaves first. */
  public static Future<Void> send(RoutingContext ctx, Iterator<Buffer> chunks) {
    ChunkedBody body = new ChunkedBody(ctx.response().setChunked(true), chunks);
    ctx.addEndHandler(ended -> {
      if (ended.failed()) body.done.tryFail(new ClientGone(ended.cause()));
    });
    body.writeWhileThereIsRoom();
    return body.done.future();
  }

  private void writeWhileThereIsRoom() {
    try {
      while (!done.future().isComplete() && !response.writeQueueFull()) {
        // Writes to a closed connection fail later, without ever filling the queue: stop here instead.
        if (response.closed()) {
          gone(null);
          return;
        }
        if (!chunks.hasNext()) {
          response.end().onComplete(done::tryComplete, this::gone);
          return;
        }
        // A write fails only when the connection does, often before the close is reported.
        response.write(chunks.next()).onFailure(this::gone);
      }
      // Only the event loop writes and drains, so the queue cannot drain between the check and this line.
      if (!done.future().isComplete()) response.drainHandler(v -> writeWhileThereIsRoom());
    } catch (RuntimeException e) {
      done.tryFail(e);
    }
  }

  private void gone(Throwable cause) {
    done.tryFail(new ClientGone(cause));
  }
}
