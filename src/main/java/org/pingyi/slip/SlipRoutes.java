package org.pingyi.slip;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.pingyi.http.Params;
import org.pingyi.staff.Role;
import org.pingyi.staff.StaffAuth;
import org.pingyi.http.AppError;
import org.pingyi.http.ChunkedBody;
import org.pingyi.http.ClientGone;
import org.pingyi.http.Downloads;
import org.pingyi.http.ErrorCode;
import org.pingyi.http.JsonInput;
import org.pingyi.http.ResponseOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.pingyi.pdf.CjkFont;

/**
 * /api/events/:eventId/slips: issue a batch (answered as a printable PDF or CSV, the only copy of its tokens), count,
 * and after the close list the unused serials (JSON or a printable PDF), void them or declare them not returned.
 */
public final class SlipRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(SlipRoutes.class);
  /** A clerk voids the blank slips collected after the meeting: a few hundred at most. */
  static final int MAX_VOID = 1_000;
  private final SlipService service;
  private final StaffAuth auth;
  private final String publicUrl;
  private final WorkerExecutor sheets;
  /** Why phones cannot open {@link #publicUrl}, if that is certain. */
  private final java.util.Optional<String> unreachable;

  /** {@code sheets} renders PDFs: a small pool, so a few large batches cannot take every worker thread. */
  public SlipRoutes(SlipService service, StaffAuth auth, String publicUrl, WorkerExecutor sheets) {
    this.service = service;
    this.auth = auth;
    this.publicUrl = publicUrl;
    this.sheets = sheets;
    this.unreachable = org.pingyi.config.PhoneReach.problem(publicUrl);
  }

  public void mount(Router router) {
    router.post("/api/events/:eventId/slips").handler(auth.allow(Role.ORGANIZER)).handler(this::issue);
    router.get("/api/events/:eventId/slips/counts").handler(auth.anyStaff())
        .respond(ctx -> service.counts(Params.eventId(ctx)));
    router.get("/api/events/:eventId/slips/unused").handler(auth.anyStaff())
        .respond(ctx -> service.unused(Params.eventId(ctx)).map(u -> new JsonObject().put("total", u.total())
            .put("categories", UnusedSerials.toJson(u.categories()))));
    router.get("/api/events/:eventId/slips/unused.pdf").handler(auth.anyStaff()).handler(this::unusedSheet);
    router.post("/api/events/:eventId/slips/unreturned").handler(auth.allow(Role.ORGANIZER)).respond(this::unreturned);
    router.post("/api/events/:eventId/slips/void").handler(auth.allow(Role.ORGANIZER)).respond(this::voidMany);
    router.post("/api/events/:eventId/slips/:serial/void").handler(auth.allow(Role.ORGANIZER))
        .respond(ctx -> service.voidSlip(StaffAuth.staff(ctx), Params.eventId(ctx), ctx.pathParam("serial"))
            .map(v -> new JsonObject().put("serial", ctx.pathParam("serial")).put("state", "void")));
  }

  /**
   * The body, optional as it was before the count existed, may name the count the organizer confirmed
   * ({"count": 17}); without it, every unused slip is declared.
   */
  private Future<JsonObject> unreturned(RoutingContext ctx) {
    if (ctx.body().length() <= 0) {
      return service.declareUnreturned(StaffAuth.staff(ctx), Params.eventId(ctx), null)
          .map(count -> new JsonObject().put("declared", count));
    }
    JsonInput in = JsonInput.of(ctx);
    Integer expected = in.has("count") ? in.integer("count", 0, 0, Integer.MAX_VALUE) : null;
    in.throwIfInvalid();
    return service.declareUnreturned(StaffAuth.staff(ctx), Params.eventId(ctx), expected)
        .map(count -> new JsonObject().put("declared", count));
  }

  private Future<JsonObject> voidMany(RoutingContext ctx) {
    JsonInput in = JsonInput.of(ctx);
    List<String> serials = in.textList("serials", MAX_VOID, 20);
    if (serials.isEmpty()) in.fail("serials", "请填写要作废的票签编号");
    if (new HashSet<>(serials).size() != serials.size()) in.fail("serials", "编号有重复");
    in.throwIfInvalid();
    return service.voidSlips(StaffAuth.staff(ctx), Params.eventId(ctx), serials)
        .map(v -> new JsonObject().put("voided", serials.size()));
  }

  /** The printable list of unused serials: rendered on the sheet workers, like the slips themselves. */
  private void unusedSheet(RoutingContext ctx) {
    if (!CjkFont.available()) throw CjkFont.missing();
    // China time whatever the server's zone: the list is signed on paper and kept.
    String printedAt = LocalDateTime.now(java.time.ZoneOffset.ofHours(8)).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    service.unused(Params.eventId(ctx)).compose(unused -> {
      Downloads.attachment(ctx, "application/pdf", "unused-slips.pdf", unused.eventTitle() + "-未使用票签清单.pdf");
      return Downloads.settled(ctx, ResponseOutputStream.send(ctx, sheets,
          out -> UnusedSlipsSheet.render(out, unused.eventTitle(), printedAt, unused.categories())));
    }).onFailure(ctx::fail);
  }

  private void issue(RoutingContext ctx) {
    UUID eventId = Params.eventId(ctx);
    JsonInput in = JsonInput.of(ctx);
    String category = in.text("category", true, 8);
    int count = in.integer("count", 0, 1, SlipService.MAX_BATCH);
    if (!in.has("count")) in.fail("count", "不能为空");
    String format = in.has("format") ? in.text("format", true, 10) : "pdf";
    if (!format.equals("pdf") && !format.equals("csv")) in.fail("format", "只能是 pdf 或 csv");
    String reason = in.has("reason") ? in.text("reason", false, 200) : null;
    boolean unreachableConfirmed = in.bool("confirmUnreachableUrl", false);
    in.throwIfInvalid();
    // Slips whose QR codes no phone can open are found out only in the hall: issued only when asked for knowingly.
    if (unreachable.isPresent() && !unreachableConfirmed) {
      throw AppError.of(ErrorCode.PUBLIC_URL_UNREACHABLE, "手机打不开票签上的地址 " + publicUrl + "：" + unreachable.get()
          + "。请设置 PINGYI_PUBLIC_URL 为手机能访问的地址后重启；如确需照此发放（如在本机试用），请确认后再发放",
          java.util.Map.of("confirmUnreachableUrl", "投票地址手机无法访问，须确认后才能发放"));
    }
    // Checked before issuing: slips committed but never delivered would count as issued (发出) forever.
    if (format.equals("pdf") && !CjkFont.available()) throw CjkFont.missing("CSV");
    service.issue(StaffAuth.staff(ctx), eventId, category, count, reason, unreachable.isPresent())
        .compose(batch -> deliver(ctx, batch, format, category).andThen(sent -> batch.close()))
        .onFailure(ctx::fail);
  }

  /**
   * Streams the batch's file, re-deriving each token from the batch's seed: chunked, never whole in memory.
   * If the client leaves mid-way, generation stops; the slips stay issued (committed before the first byte)
   * and the tokens not received are lost with the seed, so nobody can vote with them; the organizer can
   * void their serials.
   */
  private Future<Void> deliver(RoutingContext ctx, IssuedBatch batch, String format, String category) {
    String name = "slips-" + category + "." + format;
    Downloads.attachment(ctx, format.equals("csv") ? "text/csv; charset=utf-8" : "application/pdf", name, name);
    Future<Void> sent = format.equals("csv")
        ? ChunkedBody.send(ctx, new SlipCsv(batch, publicUrl))
        // PDF work blocks: it runs on the sheet workers and hands its bytes to the event loop in bounded chunks.
        : ResponseOutputStream.send(ctx, sheets, out -> SlipSheet.render(out, batch, publicUrl));
    return sent.recover(failure -> afterFailure(ctx, batch, failure));
  }

  private Future<Void> afterFailure(RoutingContext ctx, IssuedBatch batch, Throwable failure) {
    if (failure instanceof ClientGone) {
      LOG.info("The client left while receiving slips {} to {}; they stay issued, void them by serial if needed",
          batch.firstSerial(), batch.lastSerial());
      return Future.succeededFuture();
    }
    // Nothing sent yet: the error body must not be saved as slips-X.pdf.
    return Downloads.failedBeforeBody(ctx, failure);
  }
}
