package org.pingyi.event;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

/**
 * What archiving needs from the record feature, which depends on events and not the other way round: the
 * completeness check, run inside the archiving transaction.
 */
public interface ArchiveGate {

  /** Fails with a 409 listing every gap when the event's record is not complete. */
  Future<Void> checkComplete(SqlClient tx, Event event);
}
