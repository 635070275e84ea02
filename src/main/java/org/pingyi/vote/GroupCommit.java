package org.pingyi.vote;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.pingyi.box.BallotBox;
import org.pingyi.box.NewBallot;
import org.pingyi.db.Batcher;
import org.pingyi.event.EventLocks;
import org.pingyi.metrics.Measurements;
import org.pingyi.slip.VotingSlips;

/**
 * Casts ballots in groups: the ballots that arrive while earlier groups are committing are committed together,
 * in one transaction that consumes their slips and drops their ballots into the ballot box with set-based
 * statements. A durable commit costs the same for one ballot as for a hundred, so throughput grows with load
 * instead of stopping at one commit per ballot. Each request is answered only after its group commits; a slip
 * that turns out used or void, or an event that closed, fails only its own ballot, never its group.
 */
final class GroupCommit {
  /** Groups committing at once per server instance; later arrivals wait and form the next group. */
  private static final int IN_FLIGHT = 3;
  private static final int MAX_GROUP = 500;

  /** What became of one ballot of a group. */
  enum Outcome {
    STORED,
    /** The slip was not unused when its group ran: a concurrent cast (perhaps this phone's own) or a void. */
    SLIP_NOT_CONSUMED,
    EVENT_CLOSED
  }

  record Pending(byte[] tokenHash, NewBallot ballot) {
  }

  private final Pool pool;
  private final BallotBox box;
  private final Batcher<Pending, Outcome> batcher;
  private final Measurements measurements;

  GroupCommit(Pool pool, BallotBox box, Measurements measurements) {
    this.pool = pool;
    this.box = box;
    this.measurements = measurements;
    this.batcher = new Batcher<>(IN_FLIGHT, MAX_GROUP, this::commitRetryingDeadlock);
  }

  Future<Outcome> submit(byte[] tokenHash, NewBallot ballot) {
    return batcher.submit(new Pending(tokenHash, ballot));
  }

  private Future<List<Outcome>> commitRetryingDeadlock(List<Pending> group) {
    measurements.ballotGroup(group.size());
    return commit(group).recover(failure -> {
      // Two groups that share slips (a phone retrying on another instance) can lock them in a cycle; the
      // database aborts one of them, and running it again is then safe.
      if (failure instanceof PgException pg && ("40P01".equals(pg.getSqlState()) || "40001".equals(pg.getSqlState()))) {
        return commit(group);
      }
      return Future.failedFuture(failure);
    });
  }

  private Future<List<Outcome>> commit(List<Pending> group) {
    return pool.withTransaction(tx -> {
      Set<UUID> events = new HashSet<>();
      group.forEach(p -> events.add(p.ballot().eventId()));
      return EventLocks.open(tx, events).compose(open -> {
        Outcome[] outcomes = new Outcome[group.size()];
        List<Integer> candidates = firstOfEachSlip(group, open, outcomes);
        return VotingSlips.consume(tx, candidates.stream().map(i -> group.get(i).tokenHash()).toList())
            .compose(consumed -> {
              List<NewBallot> dropped = new ArrayList<>();
              for (int i : candidates) {
                boolean stored = consumed.contains(VotingSlips.tokenKey(group.get(i).tokenHash()));
                outcomes[i] = stored ? Outcome.STORED : Outcome.SLIP_NOT_CONSUMED;
                if (stored) dropped.add(group.get(i).ballot());
              }
              return box.drop(tx, dropped);
            })
            .map(v -> List.of(outcomes));
      });
    });
  }

  /** Indexes of the ballots to try: event open, and the first of any slip submitted twice in the group. */
  private static List<Integer> firstOfEachSlip(List<Pending> group, Set<UUID> open, Outcome[] outcomes) {
    Set<ByteBuffer> seen = new HashSet<>();
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < group.size(); i++) {
      Pending p = group.get(i);
      if (!open.contains(p.ballot().eventId())) {
        outcomes[i] = Outcome.EVENT_CLOSED;
      } else if (!seen.add(VotingSlips.tokenKey(p.tokenHash()))) {
        outcomes[i] = Outcome.SLIP_NOT_CONSUMED;
      } else {
        candidates.add(i);
      }
    }
    return candidates;
  }
}
