package org.pingyi.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * An OutputStream for a blocking producer on a worker thread (a PDF writer) that forwards its bytes to a
 * chunked HTTP response in 64 KB chunks. At most four chunks are on their way to the client; the producer
 * blocks until the socket has taken one, so memory stays bounded however large the body.
 */
public final class ResponseOutputStream extends OutputStream {
  static final int CHUNK_BYTES = 64 * 1024;
  private static final int CHUNKS_IN_FLIGHT = 4;
  // A client that takes nothing for this long has gone in all but name: give the worker thread back.
  private static final long STALL_SECONDS = 120;

  private final HttpServerResponse response;
  private final Context eventLoop;
  private final Semaphore room = new Semaphore(CHUNKS_IN_FLIGHT);
  private final byte[] chunk = new byte[CHUNK_BYTES];
  private int filled;
  private volatile Throwable failure;

  /** What writes the body; it runs on a worker thread and may block. */
  @FunctionalInterface
  public interface Producer {
    void writeTo(OutputStream out) throws IOException;
  }

  private ResponseOutputStream(RoutingContext ctx) {
    this.response = ctx.response().setChunked(true);
    this.eventLoop = ctx.vertx().getOrCreateContext();
    ctx.addEndHandler(ended -> {
      if (ended.failed()) fail(new ClientGone(ended.cause()));
    });
  }

  /**
   * Runs the producer on {@code workers} and ends the response when it is done. Call on the request's event
   * loop. Fails with {@link ClientGone} if the client left; the producer's next write then throws, so it stops.
   */
  public static Future<Void> send(RoutingContext ctx, WorkerExecutor workers, Producer producer) {
    ResponseOutputStream out = new ResponseOutputStream(ctx);
    return workers.<Void>executeBlocking(() -> {
      try (out) {
        producer.writeTo(out);
      }
      return null;
    }, false).recover(e -> out.failedAs(e)).compose(v -> ctx.response().end());
  }

  /** The client's departure explains any failure it causes; a stalled client is cut off. */
  private Future<Void> failedAs(Throwable e) {
    if (!(failure instanceof ClientGone gone)) return Future.failedFuture(e);
    if (!response.closed()) response.reset();
    return Future.failedFuture(gone);
  }

  @Override
  public void write(int b) throws IOException {
    if (filled == CHUNK_BYTES) ship();
    chunk[filled++] = (byte) b;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    while (length > 0) {
      if (filled == CHUNK_BYTES) ship();
      int n = Math.min(length, CHUNK_BYTES - filled);
      System.arraycopy(bytes, offset, chunk, filled, n);
      filled += n;
      offset += n;
      length -= n;
    }
  }

  /** Sends what is buffered and waits until every chunk has reached the socket. */
  @Override
  public void close() throws IOException {
    if (filled > 0) ship();
    awaitRoom(CHUNKS_IN_FLIGHT);
    room.release(CHUNKS_IN_FLIGHT);
  }

  private void ship() throws IOException {
    awaitRoom(1);
    Buffer data = Buffer.buffer(filled).appendBytes(chunk, 0, filled);
    filled = 0;
    eventLoop.runOnContext(v -> writeOnEventLoop(data));
  }

  /** The write's future completes once the socket has taken the chunk: only then is there room for another. */
  private void writeOnEventLoop(Buffer data) {
    if (response.closed()) {
      fail(new ClientGone(null));
      room.release();
      return;
    }
    try {
      response.write(data).onComplete(written -> {
        // A write fails only when the connection does, often before the close is reported.
        if (written.failed()) fail(new ClientGone(written.cause()));
        room.release();
      });
    } catch (RuntimeException e) {
      fail(e);
      room.release();
    }
  }

  private void awaitRoom(int chunks) throws IOException {
    try {
      if (!room.tryAcquire(chunks, STALL_SECONDS, TimeUnit.SECONDS)) {
        fail(new ClientGone(null));
        throw new IOException("the client took nothing for " + STALL_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the client");
    }
    Throwable failed = failure;
    if (failed != null) throw new IOException("the response failed: " + failed.getMessage(), failed);
  }

  private void fail(Throwable cause) {
    if (failure == null) failure = cause;
    // Wakes a producer waiting for room, so it sees the failure now rather than at the stall timeout.
    room.release(CHUNKS_IN_FLIGHT);
  }
}
