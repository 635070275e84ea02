package org.pingyi.db;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Gathers requests that arrive while earlier ones are being handled and hands them on together, so that under
 * load one statement or one transaction serves many requests. There is no timer: a request that finds a free
 * slot goes at once (alone, when the server is quiet), and batches grow only when the database is the
 * bottleneck. Not thread-safe: use it from one event loop (one verticle), as its pool's callbacks are.
 *
 * @param <I> one request
 * @param <O> its answer
 */
public final class Batcher<I, O> {
  private final int maxInFlight;
  private final int maxBatch;
  private final Function<List<I>, Future<List<O>>> handler;
  private final ArrayDeque<Waiting<I, O>> queue = new ArrayDeque<>();
  private int inFlight;

  private record Waiting<I, O>(I item, Promise<O> promise) {
  }

  /**
   * @param handler answers a whole batch, one answer per item in the same order; if it fails, every item of
   *                the batch fails with the same cause
   */
  public Batcher(int maxInFlight, int maxBatch, Function<List<I>, Future<List<O>>> handler) {
    this.maxInFlight = maxInFlight;
    this.maxBatch = maxBatch;
    this.handler = handler;
  }

  public Future<O> submit(I item) {
    Promise<O> promise = Promise.promise();
    queue.add(new Waiting<>(item, promise));
    drain();
    return promise.future();
  }

  private void drain() {
    while (inFlight < maxInFlight && !queue.isEmpty()) {
      List<Waiting<I, O>> batch = new ArrayList<>(Math.min(queue.size(), maxBatch));
      while (batch.size() < maxBatch && !queue.isEmpty()) batch.add(queue.poll());
      inFlight++;
      Future<List<O>> answers;
      try {
        answers = handler.apply(batch.stream().map(Waiting::item).toList());
      } catch (RuntimeException e) {
        answers = Future.failedFuture(e);
      }
      answers.onComplete(done -> {
        inFlight--;
        for (int i = 0; i < batch.size(); i++) {
          if (done.succeeded()) batch.get(i).promise().complete(done.result().get(i));
          else batch.get(i).promise().fail(done.cause());
        }
        drain();
      });
    }
  }
}
