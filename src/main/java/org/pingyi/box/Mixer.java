package org.pingyi.box;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.pingyi.box.BoxRepository.HeldGroup;
import org.pingyi.event.EventLocks;
import org.pingyi.event.EventStatus;
import org.pingyi.form.FormRules;
import org.pingyi.metrics.Measurements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Empties the ballot box now and then: every half second it looks for events whose held ballots can be mixed
 * ({@link MixPlan}) and mixes each in a transaction of its own. Every server instance runs one; an advisory lock
 * lets one mixer at a time work on an event, so instances sharing a database never mix the same ballots twice.
 * Nothing held is ever lost to a crash or a restart: the held ballots are in PostgreSQL and the next pass, on any
 * instance, finds them. Lives on one event loop (its verticle's).
 */
public final class Mixer {
  private static final Logger LOG = LoggerFactory.getLogger(Mixer.class);
  static final long INTERVAL_MS = 500;
  /**
   * Dead versions of deleted held ballots and paper entries keep their contents until vacuumed, and a superuser
   * could read them with pageinspect: they are vacuumed this often (a few milliseconds on tables this small).
   */
  private static final long VACUUM_MS = 2_000;

  private final Vertx vertx;
  private final Pool pool;
  private final BallotBox box;
  private final Measurements measurements;
  private final long[] timers = new long[2];
  private boolean mixing;

  public Mixer(Vertx vertx, Pool pool, BallotBox box, Measurements measurements) {
    this.vertx = vertx;
    this.pool = pool;
    this.box = box;
    this.measurements = measurements;
    timers[0] = vertx.setPeriodic(INTERVAL_MS, id -> pass());
    timers[1] = vertx.setPeriodic(VACUUM_MS, id -> box.vacuum(pool)
        .onFailure(e -> LOG.debug("Vacuuming the ballot box failed: {}", e.getMessage())));
  }

  /**
   * Mixes one event now (after a paper ballot is entered once voting has closed), waiting for a mixer that is
   * already at work on it: the clerk's next reading of the results must include the ballot.
   */
  public Future<Integer> mixNow(UUID eventId) {
    return mix(eventId, true);
  }

  /** One pass over an event; the timer's passes skip an event another mixer is working on. */
  private Future<Integer> mix(UUID eventId, boolean wait) {
    BoxRepository sql = box.repository();
    return pool.withTransaction(tx -> EventLocks.status(tx, eventId).compose(status -> {
      if (status == null) return Future.succeededFuture(0);
      Future<Boolean> locked = wait ? sql.oneMixerAtATime(tx, eventId).map(true) : sql.oneMixerIfFree(tx, eventId);
      return locked.compose(mine -> mine ? box.mix(tx, eventId, status == EventStatus.OPEN) : Future.succeededFuture(0));
    })).onSuccess(moved -> {
      if (moved > 0) measurements.mixBatch(moved);
    });
  }

  public void stop() {
    for (long timer : timers) vertx.cancelTimer(timer);
  }

  private void pass() {
    if (mixing) return;
    mixing = true;
    box.repository().heldGroups(pool)
        .compose(groups -> mixEach(eligibleEvents(groups)))
        .onComplete(done -> {
          mixing = false;
          if (done.failed()) LOG.debug("Mixing the ballot box failed, trying again: {}", done.cause().getMessage());
        });
  }

  /**
   * Events with something to mix, on the batch size the forms ask for; the group counts are read without the
   * event's forms, so an open event is mixed as soon as any group reaches twice the smallest batch size, and the
   * pass itself then decides with the event's own k.
   */
  private static List<UUID> eligibleEvents(List<HeldGroup> groups) {
    Set<UUID> events = new LinkedHashSet<>();
    for (HeldGroup g : groups) {
      boolean open = g.eventStatus() == EventStatus.OPEN;
      if (!open || MixPlan.toMove(g.held(), FormRules.DEFAULT_MIN_GROUP_SIZE, true) > 0) events.add(g.eventId());
    }
    return List.copyOf(events);
  }

  private Future<Void> mixEach(List<UUID> events) {
    Future<Void> chain = Future.succeededFuture();
    for (UUID eventId : events) {
      chain = chain.compose(v -> mix(eventId, false)
          .otherwise(e -> {
            LOG.warn("Could not mix the ballot box of event {}: {}", eventId, e.getMessage());
            return 0;
          }).mapEmpty());
    }
    return chain;
  }
}
