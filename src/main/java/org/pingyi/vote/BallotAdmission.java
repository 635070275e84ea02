package org.pingyi.vote;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayDeque;

/**
 * Takes in at most so many ballots at once on one event loop: a ballot is in from when its body is read until its
 * answer has been sent. Past the bound a ballot waits before its body is read, its request paused in its own
 * connection (a few hundred bytes of head and the body as it came off the wire), and is taken in, in arrival
 * order, as soon as another is answered. A hall voting all at once is then answered a little later rather than
 * held whole in the heap, each ballot with its decoded body, validated answers and futures. Nothing is refused:
 * every ballot that waits is taken in.
 *
 * <p>One instance per server verticle, mounted before the body is read; its state is only ever touched from that
 * verticle's event loop.
 */
final class BallotAdmission implements Handler<RoutingContext> {
  private final int limit;
  private final ArrayDeque<RoutingContext> waiting = new ArrayDeque<>();
  private int inFlight;

  BallotAdmission(int limit) {
    this.limit = limit;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (inFlight < limit) {
      admit(ctx);
    } else {
      // The router does not pause a request by itself: unpaused, the body would be read and dropped meanwhile.
      ctx.request().pause();
      waiting.add(ctx);
    }
  }

  private void admit(RoutingContext ctx) {
    inFlight++;
    // Called once, whether the answer was sent, failed, or the connection closed first.
    ctx.addEndHandler(done -> {
      inFlight--;
      admitNext();
    });
    ctx.next();
  }

  private void admitNext() {
    while (inFlight < limit && !waiting.isEmpty()) {
      RoutingContext next = waiting.poll();
      // A phone that gave up while waiting has nothing left to answer; its request is never read.
      if (!next.response().closed()) admit(next);
    }
  }
}
