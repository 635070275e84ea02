package org.pingyi.box;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pingyi.event.HeldBallots;
import org.pingyi.event.TallyChanges;
import org.pingyi.form.FormRules;
import org.pingyi.tally.CounterStore;
import org.pingyi.tally.TallyCounters;

/**
 * The ballot box: the one way a ballot, phone or paper, is stored and counted.
 *
 * <p>{@link #drop} runs inside the transaction that consumes the ballot's slip: the ballot is durable when that
 * commits, and the turnout counts it at once. Its answers reach the results, and the {@code ballots} table, only
 * when it is mixed ({@link #mix}): in a transaction of its own, in a shuffled batch of at least k ballots of its
 * category and channel (see {@link MixPlan}), so that neither a transaction id, nor a row's place, nor a change
 * of the results ties a stored ballot to its slip or to the moment it was cast.
 */
public final class BallotBox implements HeldBallots {
  private final BoxRepository box = new BoxRepository();

  private record Turnout(UUID eventId, String categoryCode, String channel) {
  }

  /** Drops validated ballots into the box within {@code tx}, the transaction that consumed their slips. */
  public Future<Void> drop(SqlClient tx, List<NewBallot> ballots) {
    if (ballots.isEmpty()) return Future.succeededFuture();
    // The turnout counters once per event, category and channel, times its ballots; not one map per ballot.
    Map<Turnout, Long> cast = new HashMap<>();
    for (NewBallot b : ballots) cast.merge(new Turnout(b.eventId(), b.categoryCode(), b.channel()), 1L, Long::sum);
    Map<UUID, Map<String, Long>> turnout = new HashMap<>();
    cast.forEach((group, n) -> TallyCounters.turnout(group.categoryCode(), group.channel()).forEach((key, one) ->
        turnout.computeIfAbsent(group.eventId(), e -> new HashMap<>()).merge(key, one * n, Long::sum)));
    return box.drop(tx, ballots)
        .compose(v -> CounterStore.add(tx, turnout))
        .compose(v -> TallyChanges.announce(tx, turnout.keySet()));
  }

  /** Whether a ballot with this receipt is in the box or already mixed out of it. */
  public Future<Boolean> holdsReceipt(SqlClient client, UUID eventId, byte[] receiptHash) {
    return box.receiptStored(client, eventId, receiptHash);
  }

  /** Closing: everything held moves into the results, within the closing transaction. */
  @Override
  public Future<Void> mixAll(SqlClient tx, UUID eventId) {
    return box.oneMixerAtATime(tx, eventId).compose(v -> mix(tx, eventId, false)).mapEmpty();
  }

  /** {@link #mix(SqlClient, UUID, int, boolean)} with the event's own k, read from its frozen forms. */
  Future<Integer> mix(SqlClient tx, UUID eventId, boolean votingOpen) {
    return box.minGroupSizes(tx, eventId)
        .compose(sizes -> mix(tx, eventId, FormRules.mixBatchSizeOf(sizes), votingOpen));
  }

  /**
   * One mixing pass over an event, within {@code tx} (which holds the event against closing and the mixer's lock):
   * {@link MixPlan} decides from each group's count how many move; the database takes every held ballot out, stores
   * those, shuffled, and holds the rest again, also shuffled, so that even ballots still waiting lose the order they
   * came in. Returns how many ballots joined the results.
   */
  Future<Integer> mix(SqlClient tx, UUID eventId, int k, boolean votingOpen) {
    return box.heldPerGroup(tx, eventId).compose(groups -> {
      List<BoxRepository.Move> plan = groups.stream().map(g -> new BoxRepository.Move(g.categoryCode(), g.channel(),
          MixPlan.toMove(g.count(), k, votingOpen))).toList();
      if (plan.stream().allMatch(g -> g.moving() == 0)) return Future.succeededFuture(0);
      Future<Void> borrowed = Future.succeededFuture();
      for (BoxRepository.Move g : plan) {
        int borrow = MixPlan.toBorrow(g.moving(), k, votingOpen);
        if (borrow > 0) borrowed = borrowed.compose(v -> box.takeBack(tx, eventId, g.categoryCode(), g.channel(), borrow));
      }
      return borrowed.compose(v -> box.mix(tx, eventId, plan, !votingOpen))
          .compose(results -> count(tx, eventId, results).map(v -> results.getOrDefault("ballots", 0L).intValue()));
    });
  }

  /** Adds the results of the ballots that moved: one addition per counter for the whole batch. */
  private static Future<Void> count(SqlClient tx, UUID eventId, Map<String, Long> results) {
    if (results.isEmpty()) return Future.succeededFuture();
    return CounterStore.add(tx, Map.of(eventId, results)).compose(v -> TallyChanges.announce(tx, List.of(eventId)));
  }

  Future<Void> vacuum(SqlClient client) {
    return box.vacuum(client);
  }

  BoxRepository repository() {
    return box;
  }
}
