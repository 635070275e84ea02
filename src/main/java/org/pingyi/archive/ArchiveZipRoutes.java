package org.pingyi.archive;

import io.vertx.core.Context;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.pingyi.http.Params;
import org.pingyi.staff.Role;
import org.pingyi.staff.StaffAuth;
import org.pingyi.http.Downloads;
import org.pingyi.http.ResponseOutputStream;

/**
 * /api/events/:eventId/archive/bundle.zip (the archive zip, streamed) and /archive/manifest (its SHA256SUMS
 * and the hash written on the paper record), for admins, organizers and clerks once the event is archived.
 */
public final class ArchiveZipRoutes {
  private final ArchiveZipService service;
  private final StaffAuth auth;
  private final WorkerExecutor workers;

  public ArchiveZipRoutes(ArchiveZipService service, StaffAuth auth, WorkerExecutor workers) {
    this.service = service;
    this.auth = auth;
    this.workers = workers;
  }

  public void mount(Router router) {
    router.get("/api/events/:eventId/archive/bundle.zip").handler(auth.allow(Role.ORGANIZER, Role.CLERK))
        .handler(this::download);
    router.get("/api/events/:eventId/archive/manifest").handler(auth.allow(Role.ORGANIZER, Role.CLERK))
        .respond(ctx -> service.manifest(Params.eventId(ctx), ctx.vertx().getOrCreateContext()));
  }

  private void download(RoutingContext ctx) {
    UUID eventId = Params.eventId(ctx);
    Context eventLoop = ctx.vertx().getOrCreateContext();
    AtomicReference<String> manifest = new AtomicReference<>();
    Downloads.settled(ctx, service.prepare(eventId).compose(contents -> {
      Downloads.attachment(ctx, "application/zip", "archive.zip", contents.raw().title() + "-归档包.zip");
      return ResponseOutputStream.send(ctx, workers, out -> manifest.set(service.write(out, contents, eventLoop)));
    }).compose(sent -> service.remember(eventId, manifest.get()))).onFailure(ctx::fail);
  }
}
