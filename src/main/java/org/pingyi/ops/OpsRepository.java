package org.pingyi.ops;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

/** SQL for the operational routes: the health check's round trip to the database. */
final class OpsRepository {
  private static final String PING = "SELECT 1";

  /** Succeeds when the database answers a trivial query. */
  Future<Void> ping(SqlClient client) {
    return client.query(PING).execute().mapEmpty();
  }
}
