package org.pingyi.archive;

import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import org.pingyi.http.Params;
import org.pingyi.staff.StaffAuth;
import org.pingyi.event.EventService;

/** /api/events/:eventId/completeness: what the record still lacks before it can be archived. */
public final class CompletenessRoutes {
  private final Pool pool;
  private final EventService events;
  private final RecordCheck check;
  private final StaffAuth auth;

  public CompletenessRoutes(Pool pool, EventService events, RecordCheck check, StaffAuth auth) {
    this.pool = pool;
    this.events = events;
    this.check = check;
    this.auth = auth;
  }

  public void mount(Router router) {
    router.get("/api/events/:eventId/completeness").handler(auth.anyStaff()).respond(ctx ->
        events.get(pool, Params.eventId(ctx)).compose(event -> check.missing(pool, event)).map(RecordCheck::toJson));
  }
}
