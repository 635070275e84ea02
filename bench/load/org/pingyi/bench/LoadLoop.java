package org.pingyi.bench;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * One client event loop's share of the load: its own WebClient with a pool of HTTP/1.1 keep-alive connections
 * (one per worker, opened during the warm-up and reused by every later phase), and its workers. A worker is a
 * closed loop: it sends a request, waits for the answer, records it, and sends the next.
 */
final class LoadLoop extends VerticleBase {
  /** The next request of a phase, or null when this loop has nothing left to send. */
  interface Work {
    Future<HttpResponse<Buffer>> next(WebClient client);
  }

  private final String host;
  private final int port;
  private final int connections;
  private WebClient client;
  private volatile String thread;

  LoadLoop(String host, int port, int connections) {
    this.host = host;
    this.port = port;
    this.connections = connections;
  }

  @Override
  public Future<?> start() {
    client = WebClient.create(vertx,
        new WebClientOptions().setDefaultHost(host).setDefaultPort(port).setKeepAlive(true).setPipelining(false)
            .setKeepAliveTimeout(600).setIdleTimeout(120).setConnectTimeout(30_000),
        new PoolOptions().setHttp1MaxSize(connections));
    thread = Thread.currentThread().getName();
    return Future.succeededFuture();
  }

  /** The event loop this share of the load runs on. */
  String thread() {
    return thread;
  }

  /** Runs one phase on this loop: {@code connections} workers until the work runs out or the deadline passes. */
  Future<Stats> run(Work work, long deadlineNanos, int expected) {
    Promise<Stats> done = Promise.promise();
    context.runOnContext(v -> {
      Stats stats = new Stats(expected);
      int[] running = {connections};
      Runnable finished = () -> {
        if (--running[0] == 0) done.complete(stats);
      };
      for (int i = 0; i < connections; i++) next(work, stats, deadlineNanos, finished);
    });
    return done.future();
  }

  private void next(Work work, Stats stats, long deadlineNanos, Runnable finished) {
    long start = System.nanoTime();
    Future<HttpResponse<Buffer>> sent = start < deadlineNanos ? work.next(client) : null;
    if (sent == null) {
      finished.run();
      return;
    }
    Handler<AsyncResult<HttpResponse<Buffer>>> record = answer -> {
      long micros = (System.nanoTime() - start) / 1000;
      if (answer.succeeded()) stats.response(answer.result().statusCode(), micros);
      else stats.failure(answer.cause(), micros);
      next(work, stats, deadlineNanos, finished);
    };
    // A request that failed at once would call back right here: go through the context so the stack stays flat.
    if (sent.isComplete()) context.runOnContext(v -> record.handle(sent));
    else sent.onComplete(record);
  }
}
