package org.pingyi.export;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.pingyi.auth.Role;
import org.pingyi.auth.StaffAuth;
import org.pingyi.event.EventRoutes;

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
    exports.file(EventRoutes.eventId(ctx), pdf).onSuccess(file -> ctx.response()
            .putHeader("Content-Type", file.contentType())
            .putHeader("Content-Disposition", disposition(file.name(), pdf ? "summary.pdf" : "summary.xlsx"))
            .putHeader("Cache-Control", "no-store")
            .end(file.bytes()))
        .onFailure(ctx::fail);
  }

  /** An ASCII name for old clients and the Chinese one as RFC 5987 says (filename*=UTF-8''...). */
  static String disposition(String name, String fallback) {
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
  }
}
