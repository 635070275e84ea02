package org.pingyi.feedback;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import org.pingyi.staff.Role;
import org.pingyi.staff.StaffAuth;
import org.pingyi.http.AppError;
import org.pingyi.http.Downloads;
import org.pingyi.http.ErrorCode;
import org.pingyi.http.JsonBody;
import org.pingyi.http.Params;
import org.pingyi.http.Responses;
import org.pingyi.pdf.CjkFont;

/**
 * /api/feedback: the staff side of the feedback boxes. Organizers create boxes and print their posters; organizers,
 * admins and accounts granted the right (admins grant it) read, triage and export the messages.
 */
public final class FeedbackRoutes {
  private final FeedbackService service;
  private final StaffAuth auth;
  private final String publicUrl;
  private final WorkerExecutor workers;

  public FeedbackRoutes(FeedbackService service, StaffAuth auth, String publicUrl, WorkerExecutor workers) {
    this.service = service;
    this.auth = auth;
    this.publicUrl = publicUrl;
    this.workers = workers;
  }

  public void mount(Router router) {
    router.get("/api/feedback/boxes").handler(auth.anyStaff()).handler(mayTriage()).respond(ctx -> boxes());
    router.post("/api/feedback/boxes").handler(auth.allow(Role.ORGANIZER)).handler(this::create);
    router.get("/api/feedback/boxes/:boxId/poster.pdf").handler(auth.allow(Role.ORGANIZER)).handler(this::poster);
    router.get("/api/feedback/boxes/:boxId/messages").handler(auth.anyStaff()).handler(mayTriage())
        .respond(ctx -> service.messages(boxId(ctx)).map(all -> new JsonArray(all.stream().map(FeedbackRoutes::json).toList())));
    router.get("/api/feedback/boxes/:boxId/messages.xlsx").handler(auth.anyStaff()).handler(mayTriage())
        .handler(this::export);
    router.post("/api/feedback/messages/:messageId/triage").handler(auth.anyStaff()).handler(mayTriage())
        .handler(ctx -> Responses.noContent(ctx, service.triage(StaffAuth.staff(ctx), messageId(ctx),
            FeedbackInput.triage(JsonBody.of(ctx)))));
    router.get("/api/feedback/handlers").handler(auth.allow(Role.ADMIN)).respond(ctx -> service.handlers()
        .map(all -> new JsonArray(all.stream().map(h -> new JsonObject().put("id", h.id().toString())
            .put("username", h.username()).put("displayName", h.displayName()).put("role", h.role())
            .put("handles", h.handles())).toList())));
    router.put("/api/feedback/handlers/:accountId").handler(auth.allow(Role.ADMIN)).handler(this::setHandler);
  }

  /** After StaffAuth: lets through organizers, admins and granted accounts; 403 to the rest. */
  private Handler<RoutingContext> mayTriage() {
    return ctx -> service.mayTriage(StaffAuth.staff(ctx)).onSuccess(may -> {
      if (may) ctx.next();
      else ctx.fail(AppError.of(ErrorCode.FORBIDDEN, "您无权处理意见箱（需要组织者角色或管理员授予的意见处理权限）"));
    }).onFailure(ctx::fail);
  }

  private Future<JsonArray> boxes() {
    return service.boxes().map(all -> new JsonArray(all.stream().map(b -> box(b)
        .put("counts", new JsonObject().put("new", b.newCount()).put("open", b.openCount()).put("done", b.doneCount())))
        .toList()));
  }

  private void create(RoutingContext ctx) {
    FeedbackInput.NewBox box = FeedbackInput.box(JsonBody.of(ctx));
    Responses.created(ctx, service.createBox(StaffAuth.staff(ctx), box).compose(service::box).map(this::box));
  }

  private void poster(RoutingContext ctx) {
    if (!CjkFont.available()) {
      ctx.fail(CjkFont.missing());
      return;
    }
    service.box(boxId(ctx))
        .compose(box -> workers.executeBlocking(() -> PosterPdf.render(box, url(box)), false).map(bytes -> {
          Downloads.attachment(ctx, "application/pdf", "feedback-poster.pdf", box.title() + "-意见箱海报.pdf");
          return Buffer.buffer(bytes);
        }))
        .onSuccess(ctx.response()::end).onFailure(ctx::fail);
  }

  private void export(RoutingContext ctx) {
    UUID id = boxId(ctx);
    service.box(id).compose(box -> service.export(StaffAuth.staff(ctx), id)
            .compose(messages -> workers.executeBlocking(() -> MessagesXlsx.render(box, messages), false))
            .map(bytes -> {
              Downloads.attachment(ctx, Downloads.XLSX,
                  "feedback.xlsx", box.title() + "-意见.xlsx");
              return Buffer.buffer(bytes);
            }))
        .onSuccess(ctx.response()::end).onFailure(ctx::fail);
  }

  private void setHandler(RoutingContext ctx) {
    Object handles = JsonBody.of(ctx).getValue("handles");
    if (!(handles instanceof Boolean granted)) throw AppError.invalidField("handles", "必须是 true 或 false");
    UUID account = Params.pathUuid(ctx, "accountId", ErrorCode.ACCOUNT_NOT_FOUND);
    Responses.noContent(ctx, service.setHandler(StaffAuth.staff(ctx), account, granted));
  }

  private JsonObject box(FeedbackRepository.Box b) {
    return new JsonObject().put("id", b.id().toString()).put("title", b.title()).put("unit", b.unit())
        .put("eventId", b.eventId() == null ? null : b.eventId().toString()).put("eventTitle", b.eventTitle())
        .put("url", url(b));
  }

  /** The address phones open, as printed on the poster: the configured public URL. */
  private String url(FeedbackRepository.Box box) {
    return publicUrl + "/f/" + box.publicKey();
  }

  private static JsonObject json(FeedbackRepository.Message m) {
    return new JsonObject().put("id", m.id().toString()).put("receivedOn", m.receivedOn().toString())
        .put("category", m.category().wireName()).put("categoryLabel", m.category().label())
        .put("cadre", m.cadre()).put("text", m.body()).put("status", m.status().wireName())
        .put("statusLabel", m.status().label()).put("referredTo", m.referredTo()).put("reply", m.reply())
        .put("repliedOn", m.repliedOn() == null ? null : m.repliedOn().toString());
  }

  private static UUID boxId(RoutingContext ctx) {
    return Params.pathUuid(ctx, "boxId", ErrorCode.BOX_NOT_FOUND);
  }

  private static UUID messageId(RoutingContext ctx) {
    return Params.pathUuid(ctx, "messageId", ErrorCode.MESSAGE_NOT_FOUND);
  }
}
