package org.pingyi.event;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import java.util.UUID;

/**
 * What closing needs from the ballot box, which depends on events and not the other way round: the ballots still
 * held are mixed into the results inside the closing transaction, so the closed event's results are final at once.
 */
public interface HeldBallots {

  Future<Void> mixAll(SqlClient tx, UUID eventId);
}
