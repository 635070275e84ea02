package org.pingyi.paper;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.pingyi.ballot.PlainJson;
import org.pingyi.http.ErrorCode;
import org.pingyi.http.JsonInput;
import org.pingyi.http.Params;
import org.pingyi.staff.Role;
import org.pingyi.staff.StaffAuth;

/**
 * Staff routes for ballots: /api/events/:eventId/paper-ballots (双人录入 of paper ballots by serial) and
 * /api/events/:eventId/ballots/counts (phone and paper ballots per voter category) and
 * /api/events/:eventId/receipts (the receipt codes, published after voting closes).
 */
public final class PaperRoutes {
  private final PaperService service;
  private final StaffAuth auth;

  public PaperRoutes(PaperService service, StaffAuth auth) {
    this.service = service;
    this.auth = auth;
  }

  public void mount(Router router) {
    router.post("/api/events/:eventId/paper-ballots").handler(auth.allow(Role.ORGANIZER, Role.CLERK)).handler(this::enter);
    router.get("/api/events/:eventId/paper-ballots").handler(auth.allow(Role.ORGANIZER, Role.CLERK))
        .respond(ctx -> service.pending(Params.eventId(ctx)));
    router.delete("/api/events/:eventId/paper-ballots/:serial/entries/:entryId")
        .handler(auth.allow(Role.ORGANIZER, Role.CLERK)).handler(this::discard);
    router.get("/api/events/:eventId/receipts").handler(auth.anyStaff())
        .respond(ctx -> service.receipts(Params.eventId(ctx)));
    router.get("/api/events/:eventId/ballots/counts").handler(auth.anyStaff())
        .respond(ctx -> service.counts(Params.eventId(ctx)));
  }

  private void enter(RoutingContext ctx) {
    JsonInput in = JsonInput.of(ctx);
    String serial = in.text("serial", true, 20);
    boolean unreadable = in.bool("unreadable", false);
    Object answers = in.raw().getValue("answers");
    if (answers != null && !(answers instanceof JsonObject)) in.fail("answers", "应为对象");
    in.throwIfInvalid();
    service.enter(StaffAuth.staff(ctx), Params.eventId(ctx), serial.trim().toUpperCase(), unreadable,
            PlainJson.of(answers))
        .onSuccess(result -> ctx.response().setStatusCode(statusOf(result))
            .putHeader("Content-Type", "application/json; charset=utf-8").end(result.encode()))
        .onFailure(ctx::fail);
  }

  private static int statusOf(JsonObject result) {
    return switch (result.getString("status")) {
      case "counted" -> 201;
      case "awaiting_second" -> 202;
      default -> 200;
    };
  }

  private void discard(RoutingContext ctx) {
    var entryId = Params.pathUuid(ctx, "entryId", ErrorCode.ENTRY_NOT_FOUND);
    org.pingyi.http.Responses.noContent(ctx,
        service.discard(StaffAuth.staff(ctx), Params.eventId(ctx), ctx.pathParam("serial"), entryId));
  }
}
