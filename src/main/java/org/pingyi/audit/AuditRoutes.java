package org.pingyi.audit;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.pingyi.auth.StaffAuth;
import org.pingyi.http.Params;

/** GET /api/audit: the audit log, for admins. */
public final class AuditRoutes {
  private final AuditLog auditLog;
  private final StaffAuth auth;

  public AuditRoutes(AuditLog auditLog, StaffAuth auth) {
    this.auditLog = auditLog;
    this.auth = auth;
  }

  public void mount(Router router) {
    router.get("/api/audit").handler(auth.allow()).respond(this::page);
  }

  private Future<JsonArray> page(RoutingContext ctx) {
    Long before = Params.optionalLong(ctx, "before").orElse(null);
    var eventId = Params.optionalUuid(ctx, "eventId").orElse(null);
    int limit = Params.optionalLong(ctx, "limit").map(l -> (int) Math.max(1, Math.min(200, l))).orElse(50);
    return auditLog.page(before, eventId, limit);
  }
}
