package org.pingyi.rawexport;

import io.vertx.core.Context;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import org.pingyi.http.Params;
import org.pingyi.staff.Role;
import org.pingyi.staff.StaffAuth;
import org.pingyi.http.Downloads;
import org.pingyi.http.ResponseOutputStream;

/**
 * /api/events/:eventId/exports/ballots.csv|json|xlsx: the raw ballots, for admins, organizers and clerks once
 * voting has closed. Written on the export workers and streamed with back-pressure, never whole in memory.
 */
public final class RawExportRoutes {
  private final RawExportService service;
  private final StaffAuth auth;
  private final WorkerExecutor workers;

  /** {@code workers} write the files: a small pool, so a few large exports cannot take every worker thread. */
  public RawExportRoutes(RawExportService service, StaffAuth auth, WorkerExecutor workers) {
    this.service = service;
    this.auth = auth;
    this.workers = workers;
  }

  public void mount(Router router) {
    for (RawFormat format : RawFormat.values()) {
      router.get("/api/events/:eventId/exports/" + format.fileName()).handler(auth.allow(Role.ORGANIZER, Role.CLERK))
          .handler(ctx -> download(ctx, format));
    }
  }

  private void download(RoutingContext ctx, RawFormat format) {
    UUID eventId = Params.eventId(ctx);
    Context eventLoop = ctx.vertx().getOrCreateContext();
    Downloads.settled(ctx, service.prepare(eventId).compose(export -> {
      Downloads.attachment(ctx, format.contentType(), format.fileName(),
          export.title() + "-原始选票." + format.fileName().substring("ballots.".length()));
      return ResponseOutputStream.send(ctx, workers, out -> service.write(format, export, out, eventLoop));
    })).onFailure(ctx::fail);
  }
}
