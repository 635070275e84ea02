package org.pingyi.ballot;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.pingyi.db.Batcher;
import org.pingyi.tally.CounterStore;
import org.pingyi.tally.TallyChanges;
import org.pingyi.tally.TallyCounters;

/**
 * Casts ballots in groups: the ballots that arrive while earlier groups are committing are committed together,
 * in one transaction that consumes their slips and inserts their ballots with set-based statements. A durable
 * commit costs the same for one ballot as for a hundred, so throughput grows with load instead of stopping at
 * one commit per ballot. Each request is answered only after its group commits; a slip that turns out used or
 * void, or an event that closed, fails only its own ballot, never its group.
 */
final class GroupCommit {
  /** Groups committing at once per server instance; later arrivals wait and form the next group. */
  private static final int IN_FLIGHT = 3;
  private static final int MAX_GROUP = 500;
  private static final HexFormat HEX = HexFormat.of();

  /** What became of one ballot of a group. */
  enum Outcome {
    STORED,
    /** The slip was not unused when its group ran: a concurrent cast (perhaps this phone's own) or a void. */
    SLIP_NOT_CONSUMED,
    EVENT_CLOSED,
    /** Another ballot of the event already has this receipt hash (a reused nonce with identical answers). */
    RECEIPT_TAKEN
  }

  record Pending(byte[] tokenHash, NewBallot ballot) {
  }

  private final Pool pool;
  private final BallotRepository ballots;
  private final Batcher<Pending, Outcome> batcher;

  GroupCommit(Pool pool, BallotRepository ballots) {
    this.pool = pool;
    this.ballots = ballots;
    this.batcher = new Batcher<>(IN_FLIGHT, MAX_GROUP, this::commitRetryingDeadlock);
  }

  Future<Outcome> submit(byte[] tokenHash, NewBallot ballot) {
    return batcher.submit(new Pending(tokenHash, ballot));
  }

  private Future<List<Outcome>> commitRetryingDeadlock(List<Pending> group) {
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
      return ballots.lockOpenEvents(tx, events).compose(open -> {
        Outcome[] outcomes = new Outcome[group.size()];
        List<Integer> candidates = firstOfEachSlip(group, open, outcomes);
        return ballots.consume(tx, candidates.stream().map(i -> group.get(i).tokenHash()).toList())
            .compose(consumed -> {
              List<Integer> toInsert = candidates.stream()
                  .filter(i -> consumed.contains(HEX.formatHex(group.get(i).tokenHash()))).toList();
              candidates.stream().filter(i -> !toInsert.contains(i)).forEach(i -> outcomes[i] = Outcome.SLIP_NOT_CONSUMED);
              return insert(tx, group, toInsert, outcomes);
            })
            .map(v -> List.of(outcomes));
      });
    });
  }

  /** Indexes of the ballots to try: event open, and the first of any slip submitted twice in the group. */
  private static List<Integer> firstOfEachSlip(List<Pending> group, Set<UUID> open, Outcome[] outcomes) {
    Set<String> seen = new HashSet<>();
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < group.size(); i++) {
      Pending p = group.get(i);
      if (!open.contains(p.ballot().eventId())) {
        outcomes[i] = Outcome.EVENT_CLOSED;
      } else if (!seen.add(HEX.formatHex(p.tokenHash()))) {
        outcomes[i] = Outcome.SLIP_NOT_CONSUMED;
      } else {
        candidates.add(i);
      }
    }
    return candidates;
  }

  /** Inserts the ballots whose slips were consumed; a ballot refused by its receipt gives its slip back. */
  private Future<Void> insert(SqlClient tx, List<Pending> group, List<Integer> toInsert, Outcome[] outcomes) {
    if (toInsert.isEmpty()) return Future.succeededFuture();
    return ballots.insertAll(tx, toInsert.stream().map(i -> group.get(i).ballot()).toList()).compose(inserted -> {
      List<byte[]> giveBack = new ArrayList<>();
      for (int i : toInsert) {
        NewBallot ballot = group.get(i).ballot();
        boolean stored = inserted.remove(BallotRepository.receiptKey(ballot.eventId(), ballot.receipt()));
        outcomes[i] = stored ? Outcome.STORED : Outcome.RECEIPT_TAKEN;
        if (!stored) giveBack.add(group.get(i).tokenHash());
      }
      Map<UUID, Map<String, Long>> counters = new HashMap<>();
      for (int i : toInsert) {
        NewBallot ballot = group.get(i).ballot();
        if (outcomes[i] == Outcome.STORED) {
          TallyCounters.addInto(counters.computeIfAbsent(ballot.eventId(), e -> new HashMap<>()), ballot.counters());
        }
      }
      // One addition per counter for the whole group: the tally costs a group what it costs a single ballot.
      return (giveBack.isEmpty() ? Future.<Void>succeededFuture() : ballots.release(tx, giveBack))
          .compose(v -> CounterStore.add(tx, counters))
          .compose(v -> counters.isEmpty() ? Future.<Void>succeededFuture() : TallyChanges.announce(tx, counters.keySet()));
    });
  }
}
