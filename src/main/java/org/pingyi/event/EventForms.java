package org.pingyi.event;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.SqlClient;
import java.util.UUID;
import org.pingyi.staff.Staff;

/**
 * What the event lifecycle needs from the forms feature, which depends on events and not the other way
 * round: a summary of an event's forms, and freezing them when voting opens.
 */
public interface EventForms {

  Future<JsonArray> summaries(SqlClient client, UUID eventId);

  /** Validates and freezes every form of the event inside the opening transaction; fails with a 409 naming what is not ready. */
  Future<Void> freezeAll(SqlClient tx, UUID eventId, Staff actor);
}
