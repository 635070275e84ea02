package org.pingyi.event;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import org.pingyi.staff.Role;
import org.pingyi.staff.StaffAuth;
import org.pingyi.http.Params;
import org.pingyi.http.Responses;

/** /api/events: list, create, read and edit events, and move them through their lifecycle. */
public final class EventRoutes {
  private final EventService service;
  private final StaffAuth auth;

  public EventRoutes(EventService service, StaffAuth auth) {
    this.service = service;
    this.auth = auth;
  }

  public void mount(Router router) {
    router.get("/api/events").handler(auth.anyStaff()).respond(this::list);
    router.post("/api/events").handler(auth.allow(Role.ORGANIZER)).handler(this::create);
    router.get("/api/events/:eventId").handler(auth.anyStaff()).respond(ctx -> service.describe(Params.eventId(ctx)));
    router.put("/api/events/:eventId").handler(auth.allow(Role.ORGANIZER)).respond(this::update);
    router.post("/api/events/:eventId/open").handler(auth.allow(Role.ORGANIZER))
        .respond(ctx -> transition(ctx, EventStatus.Transition.OPEN));
    router.post("/api/events/:eventId/close").handler(auth.allow(Role.ORGANIZER))
        .respond(ctx -> transition(ctx, EventStatus.Transition.CLOSE));
    router.post("/api/events/:eventId/archive").handler(auth.allow(Role.ORGANIZER))
        .respond(ctx -> transition(ctx, EventStatus.Transition.ARCHIVE));
  }

  private Future<JsonArray> list(RoutingContext ctx) {
    return service.list().map(all -> new JsonArray(all.stream().map(Event::toJson).toList()));
  }

  private void create(RoutingContext ctx) {
    EventDetails details = EventInput.details(ctx);
    Responses.created(ctx, service.create(StaffAuth.staff(ctx), details).compose(service::describe));
  }

  private Future<JsonObject> update(RoutingContext ctx) {
    UUID id = Params.eventId(ctx);
    EventDetails details = EventInput.details(ctx);
    return service.update(StaffAuth.staff(ctx), id, details).compose(v -> service.describe(id));
  }

  private Future<JsonObject> transition(RoutingContext ctx, EventStatus.Transition step) {
    UUID id = Params.eventId(ctx);
    return service.transition(StaffAuth.staff(ctx), id, step).compose(v -> service.describe(id));
  }
}
