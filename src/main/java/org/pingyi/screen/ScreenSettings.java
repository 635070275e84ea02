package org.pingyi.screen;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.UUID;
import org.pingyi.auditlog.AuditLog;
import org.pingyi.event.EventService;
import org.pingyi.event.TallyChanges;
import org.pingyi.staff.Staff;

/** The big screen's settings, changed in one transaction with their audit entry and the screens' notice. */
final class ScreenSettings {
  private final Pool pool;
  private final EventService events;
  private final AuditLog audit;

  ScreenSettings(Pool pool, EventService events, AuditLog audit) {
    this.pool = pool;
    this.events = events;
    this.audit = audit;
  }

  /** Whether the screens show only the turnout while voting is open; after commit, every instance's screens re-read it. */
  Future<JsonObject> setTurnoutOnly(Staff actor, UUID eventId, boolean turnoutOnly) {
    return pool.withTransaction(tx -> events.lock(tx, eventId)
        .compose(e -> events.setScreenTurnoutOnly(tx, eventId, turnoutOnly))
        .compose(v -> audit.append(tx, AuditLog.Entry.by(actor, "screen.turnout_only", "event", eventId,
            eventId, new JsonObject().put("turnoutOnly", turnoutOnly))))
        .compose(v -> TallyChanges.announce(tx, List.of(eventId))))
        .map(v -> new JsonObject().put("turnoutOnly", turnoutOnly));
  }
}
