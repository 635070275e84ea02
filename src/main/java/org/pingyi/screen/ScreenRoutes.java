package org.pingyi.screen;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.UUID;
import org.pingyi.auditlog.AuditLog;
import org.pingyi.event.EventService;
import org.pingyi.event.TallyChanges;
import org.pingyi.http.ErrorCode;
import org.pingyi.http.JsonInput;
import org.pingyi.http.Params;
import org.pingyi.http.Responses;
import org.pingyi.http.StaticFiles;
import org.pingyi.metrics.Measurements;
import org.pingyi.staff.Role;
import org.pingyi.staff.StaffAuth;
import org.pingyi.tally.TallySnapshots;

/**
 * The live tally: read once (JSON) or streamed (Server-Sent Events) by staff or a screen link, the big screen's
 * settings and links, the page at /screen/:eventId and the chart library it draws with.
 */
public final class ScreenRoutes {
  private final Pool pool;
  private final StaticFiles files;
  private final StaffAuth auth;
  private final EventService events;
  private final ScreenSettings service;
  private final TallySnapshots snapshots;
  private final LiveTally live;
  private final ScreenLinks links;
  private final io.vertx.core.Future<ChartLibrary> charts;
  private io.vertx.pgclient.pubsub.PgSubscriber subscriber;

  public ScreenRoutes(io.vertx.core.Vertx vertx, Pool pool, StaffAuth auth, EventService events, AuditLog audit,
                     StaticFiles files, TallySnapshots snapshots, Measurements measurements) {
    this.files = files;
    this.pool = pool;
    this.auth = auth;
    this.events = events;
    this.service = new ScreenSettings(pool, events, audit);
    this.snapshots = snapshots;
    this.links = new ScreenLinks(pool, audit, auth);
    this.live = new LiveTally(vertx, snapshots::encoded, links::stillValid, measurements);
    this.charts = ChartLibrary.load(vertx);
  }

  /**
   * Starts listening for tally changes on its own connection, once the chart library is loaded; call once the
   * routes are mounted, before the server listens.
   */
  public io.vertx.core.Future<Void> listen(io.vertx.core.Vertx vertx, io.vertx.pgclient.PgConnectOptions options) {
    subscriber = TallyChanges.listen(vertx, options, live::changed, live::changedAll);
    return charts.compose(loaded -> subscriber.connect());
  }

  public io.vertx.core.Future<Void> stop() {
    live.stop();
    return subscriber == null ? io.vertx.core.Future.succeededFuture() : subscriber.close();
  }

  public void mount(Router router) {
    router.get("/screen/:eventId").handler(ctx -> files.page(ctx, "/screen/index.html"));
    router.get(ChartLibrary.PATH).handler(ctx -> charts.result().serve(ctx));
    router.get("/api/events/:eventId/tally").handler(links.staffOrScreen()).respond(ctx -> {
      ctx.response().putHeader("Cache-Control", "no-store");
      return snapshots.snapshot(Params.eventId(ctx));
    });
    router.get("/api/events/:eventId/tally/stream").handler(links.staffOrScreen()).handler(this::stream);
    router.put("/api/events/:eventId/screen").handler(auth.allow(Role.ORGANIZER)).respond(this::setTurnoutOnly);
    router.post("/api/events/:eventId/screen-links").handler(auth.allow(Role.ORGANIZER)).handler(ctx -> {
      JsonInput in = JsonInput.of(ctx);
      String label = in.has("label") ? in.text("label", false, 50) : "";
      in.throwIfInvalid();
      UUID eventId = Params.eventId(ctx);
      Responses.created(ctx, events.get(pool, eventId).compose(e -> links.create(StaffAuth.staff(ctx), eventId, label)));
    });
    router.get("/api/events/:eventId/screen-links").handler(auth.allow(Role.ORGANIZER))
        .respond(ctx -> {
          UUID eventId = Params.eventId(ctx);
          return events.get(pool, eventId).compose(e -> links.list(eventId));
        });
    router.delete("/api/events/:eventId/screen-links/:linkId").handler(auth.allow(Role.ORGANIZER))
        .handler(ctx -> Responses.noContent(ctx, links.revoke(StaffAuth.staff(ctx), Params.eventId(ctx),
            Params.pathUuid(ctx, "linkId", ErrorCode.SCREEN_LINK_NOT_FOUND))));
  }

  /** The event is looked up before the stream opens, so an unknown event is a plain 404, not a stream. */
  private void stream(RoutingContext ctx) {
    UUID eventId = Params.eventId(ctx);
    // Only the event's existence is checked here (one row by its key): the screen's first snapshot is the one
    // the live tally already holds, or the next it reads. Reading a whole snapshot for every screen that
    // connects made ten thousand screens opening at once cost ten thousand tallies.
    events.get(pool, eventId).onSuccess(event -> {
      ctx.response().setChunked(true)
          .putHeader("Content-Type", "text/event-stream; charset=utf-8")
          .putHeader("Cache-Control", "no-store")
          .putHeader("X-Accel-Buffering", "no");
      ctx.response().write("retry: 2000\n\n");
      live.watch(eventId, ctx.response(), ScreenLinks.linkOf(ctx));
    }).onFailure(ctx::fail);
  }

  private io.vertx.core.Future<JsonObject> setTurnoutOnly(RoutingContext ctx) {
    UUID eventId = Params.eventId(ctx);
    JsonInput in = JsonInput.of(ctx);
    if (!in.has("turnoutOnly")) in.fail("turnoutOnly", "不能为空");
    boolean turnoutOnly = in.bool("turnoutOnly", false);
    in.throwIfInvalid();
    return service.setTurnoutOnly(StaffAuth.staff(ctx), eventId, turnoutOnly);
  }
}
