package org.pingyi.slip;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.UUID;
import org.pingyi.auth.Role;
import org.pingyi.auth.StaffAuth;
import org.pingyi.event.EventRoutes;
import org.pingyi.http.JsonInput;

/** /api/events/:eventId/slips: issue a batch (answered as a printable PDF or CSV, the only copy of its tokens), count, void. */
public final class SlipRoutes {
  private final SlipService service;
  private final StaffAuth auth;
  private final String publicUrl;

  public SlipRoutes(SlipService service, StaffAuth auth, String publicUrl) {
    this.service = service;
    this.auth = auth;
    this.publicUrl = publicUrl;
  }

  public void mount(Router router) {
    router.post("/api/events/:eventId/slips").handler(auth.allow(Role.ORGANIZER)).handler(this::issue);
    router.get("/api/events/:eventId/slips/counts").handler(auth.anyStaff())
        .respond(ctx -> service.counts(EventRoutes.eventId(ctx)));
    router.post("/api/events/:eventId/slips/:serial/void").handler(auth.allow(Role.ORGANIZER))
        .respond(ctx -> service.voidSlip(StaffAuth.staff(ctx), EventRoutes.eventId(ctx), ctx.pathParam("serial"))
            .map(v -> new JsonObject().put("serial", ctx.pathParam("serial")).put("state", "void")));
  }

  private void issue(RoutingContext ctx) {
    UUID eventId = EventRoutes.eventId(ctx);
    JsonInput in = JsonInput.of(ctx);
    String category = in.text("category", true, 8);
    int count = in.integer("count", 0, 1, SlipService.MAX_BATCH);
    if (!in.has("count")) in.fail("count", "不能为空");
    String format = in.has("format") ? in.text("format", true, 10) : "pdf";
    if (!format.equals("pdf") && !format.equals("csv")) in.fail("format", "只能是 pdf 或 csv");
    in.throwIfInvalid();
    // Checked before issuing: slips committed but never delivered would count as issued (发出) forever.
    if (format.equals("pdf") && !SlipSheet.fontAvailable()) {
      throw org.pingyi.http.AppError.unavailable(
          "服务器缺少中文字体（Debian 软件包 fonts-noto-cjk），暂不能生成 PDF；可改用 CSV", 3600);
    }
    service.issue(StaffAuth.staff(ctx), eventId, category, count)
        .compose(batch -> format.equals("csv")
            ? io.vertx.core.Future.succeededFuture(csv(batch.slips()))
            : ctx.vertx().executeBlocking(() -> Buffer.buffer(
                SlipSheet.render(batch.eventTitle(), batch.categoryName(), batch.slips(), publicUrl)), false))
        .onSuccess(body -> ctx.response()
            .putHeader("Content-Type", format.equals("csv") ? "text/csv; charset=utf-8" : "application/pdf")
            .putHeader("Content-Disposition", "attachment; filename=\"slips-" + category + "." + format + "\"")
            .putHeader("Cache-Control", "no-store")
            .end(body))
        .onFailure(ctx::fail);
  }

  /** UTF-8 with a byte-order mark, so Excel and WPS open the Chinese header correctly. */
  private Buffer csv(List<IssuedSlip> batch) {
    StringBuilder text = new StringBuilder("\uFEFF序号,投票地址\r\n");
    for (IssuedSlip slip : batch) {
      text.append(slip.serial()).append(',').append(slip.votingUrl(publicUrl)).append("\r\n");
    }
    return Buffer.buffer(text.toString());
  }
}
