package org.pingyi.summary;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.pingyi.http.Params;
import org.pingyi.staff.Role;
import org.pingyi.staff.StaffAuth;
import org.pingyi.http.Downloads;

/** /api/events/:eventId/exports/summary.xlsx and .pdf: the official summary tables, once voting has closed. */
public final class SummaryRoutes {
  private final SummaryExports exports;
  private final StaffAuth auth;

  public SummaryRoutes(SummaryExports exports, StaffAuth auth) {
    this.exports = exports;
    this.auth = auth;
  }

  public void mount(Router router) {
    router.get("/api/events/:eventId/exports/summary.xlsx").handler(auth.allow(Role.ORGANIZER, Role.CLERK))
        .handler(ctx -> send(ctx, false));
    router.get("/api/events/:eventId/exports/summary.pdf").handler(auth.allow(Role.ORGANIZER, Role.CLERK))
        .handler(ctx -> send(ctx, true));
  }

  private void send(RoutingContext ctx, boolean pdf) {
    exports.file(Params.eventId(ctx), pdf).onSuccess(file -> ctx.response()
            .putHeader("Content-Type", file.contentType())
            .putHeader("Content-Disposition", Downloads.disposition(pdf ? "summary.pdf" : "summary.xlsx", file.name()))
            .putHeader("Cache-Control", "no-store")
            .end(file.bytes()))
        .onFailure(ctx::fail);
  }
}
