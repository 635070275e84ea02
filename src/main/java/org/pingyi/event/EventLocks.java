package org.pingyi.event;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The share locks that keep an event from closing under a transaction that adds ballots: many such
 * transactions proceed together (KEY SHARE), but closing the event (FOR UPDATE) waits for them, and one that
 * starts after the close sees it, so no ballot is accepted once the event is closed.
 */
public final class EventLocks {
  private static final String STATUS = "SELECT status FROM events WHERE id = $1 FOR KEY SHARE";
  private static final String OPEN_EVENTS = "SELECT id FROM events WHERE id = ANY($1) AND status = 'open' FOR KEY SHARE";

  private EventLocks() {
  }

  /**
   * The event's status, locked against a change until {@code tx} ends; null if there is no such event (a mixer
   * may still be scheduled for one just deleted). Mixers lock so too: they run beside casts, and closing waits
   * for a mixer to finish.
   */
  public static Future<EventStatus> status(SqlClient tx, UUID eventId) {
    return tx.preparedQuery(STATUS).execute(Tuple.of(eventId))
        .map(rows -> rows.size() == 0 ? null : EventStatus.fromWire(rows.iterator().next().getString("status")));
  }

  /** The events among these that are open, locked against closing until {@code tx} ends. */
  public static Future<Set<UUID>> open(SqlClient tx, Set<UUID> eventIds) {
    return tx.preparedQuery(OPEN_EVENTS).execute(Tuple.of(eventIds.toArray(UUID[]::new))).map(rows -> {
      Set<UUID> open = new HashSet<>();
      rows.forEach(row -> open.add(row.getUUID("id")));
      return open;
    });
  }
}
