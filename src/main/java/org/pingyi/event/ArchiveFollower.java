package org.pingyi.event;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import org.pingyi.staff.Staff;

/**
 * What must happen when an event is archived, for features that depend on events and not the other way round (the
 * probation register records its assessment's result): run inside the archiving transaction, so the event is archived
 * and the follower's record written together, or neither.
 */
public interface ArchiveFollower {

  Future<Void> archived(SqlClient tx, Event event, Staff actor);
}
