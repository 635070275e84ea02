package org.pingyi.box;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pingyi.box.BoxRepository.Taken;
import org.pingyi.event.HeldBallots;
import org.pingyi.form.FormRules;
import org.pingyi.tally.CounterStore;
import org.pingyi.tally.TallyChanges;
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

  /** Drops validated ballots into the box within {@code tx}, the transaction that consumed their slips. */
  public Future<Void> drop(SqlClient tx, List<NewBallot> ballots) {
    if (ballots.isEmpty()) return Future.succeededFuture();
    Map<UUID, Map<String, Long>> turnout = new HashMap<>();
    for (NewBallot b : ballots) {
      TallyCounters.addInto(turnout.computeIfAbsent(b.eventId(), e -> new HashMap<>()),
          TallyCounters.turnout(b.categoryCode(), b.channel()));
    }
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
    return box.oneMixerAtATime(tx, eventId)
        .compose(v -> box.minGroupSizes(tx, eventId))
        .compose(sizes -> mix(tx, eventId, FormRules.mixBatchSizeOf(sizes), false))
        .mapEmpty();
  }

  /**
   * One mixing pass over an event, within {@code tx} (which holds the event against closing and the mixer's lock):
   * takes every held ballot out, moves what {@link MixPlan} says, shuffled, and holds the rest again, also
   * shuffled, so that even ballots still waiting lose the order they came in. Returns how many moved.
   */
  Future<Integer> mix(SqlClient tx, UUID eventId, int k, boolean votingOpen) {
    return box.heldPerGroup(tx, eventId).compose(counts -> {
      if (counts.stream().allMatch(n -> MixPlan.toMove(n, k, votingOpen) == 0)) return Future.succeededFuture(0);
      return takeAndMix(tx, eventId, k, votingOpen);
    });
  }

  private Future<Integer> takeAndMix(SqlClient tx, UUID eventId, int k, boolean votingOpen) {
    return box.takeHeld(tx, eventId).compose(held -> {
      Map<String, List<Taken>> groups = new LinkedHashMap<>();
      held.forEach(t -> groups.computeIfAbsent(t.group(), g -> new ArrayList<>()).add(t));
      List<Taken> moving = new ArrayList<>();
      List<Taken> staying = new ArrayList<>();
      List<Future<List<Taken>>> borrowed = new ArrayList<>();
      for (List<Taken> group : groups.values()) {
        MixPlan.shuffle(group);
        int move = MixPlan.toMove(group.size(), k, votingOpen);
        moving.addAll(group.subList(0, move));
        staying.addAll(group.subList(move, group.size()));
        int borrow = MixPlan.toBorrow(move, k, votingOpen);
        if (borrow > 0) {
          Taken first = group.get(0);
          borrowed.add(box.takeStored(tx, eventId, first.categoryCode(), first.channel(), borrow));
        }
      }
      if (moving.isEmpty() && held.isEmpty()) return Future.succeededFuture(0);
      return Future.all(borrowed).compose(all -> {
        List<Taken> stored = new ArrayList<>(moving);
        borrowed.forEach(f -> stored.addAll(f.result()));
        MixPlan.shuffle(stored);
        MixPlan.shuffle(staying);
        return box.store(tx, eventId, stored)
            .compose(v -> box.holdAgain(tx, eventId, staying))
            .compose(v -> count(tx, eventId, moving))
            .map(v -> moving.size());
      });
    });
  }

  /** Adds the results of the ballots that moved: one addition per counter for the whole batch. */
  private static Future<Void> count(SqlClient tx, UUID eventId, List<Taken> moved) {
    if (moved.isEmpty()) return Future.succeededFuture();
    Map<String, Long> results = new HashMap<>();
    for (Taken t : moved) {
      new JsonObject(t.counters()).forEach(e -> results.merge(e.getKey(), ((Number) e.getValue()).longValue(), Long::sum));
    }
    return CounterStore.add(tx, Map.of(eventId, results)).compose(v -> TallyChanges.announce(tx, List.of(eventId)));
  }

  Future<Void> vacuum(SqlClient client) {
    return box.vacuum(client);
  }

  BoxRepository repository() {
    return box;
  }
}
