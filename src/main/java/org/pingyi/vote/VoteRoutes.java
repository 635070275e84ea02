package org.pingyi.vote;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.pingyi.http.AppError;
import org.pingyi.http.ErrorCode;
import org.pingyi.http.JsonBody;
import org.pingyi.http.StaticFiles;
import org.pingyi.metrics.Measurements;

/**
 * The voter's side, reached with a slip's token and no account: the page at /v/:token, and the API it
 * calls, and the entry page /v where a code typed from the slip becomes the token. Paths carry the token, which
 * the access log masks.
 */
public final class VoteRoutes {
  /** Far above any real ballot (a few kilobytes) and far below the API's general limit. */
  static final int BALLOT_BODY_LIMIT = 256 * 1024;

  private final CastService service;
  private final StaticFiles files;
  private final Measurements measurements;

  public VoteRoutes(CastService service, StaticFiles files, Measurements measurements) {
    this.service = service;
    this.files = files;
    this.measurements = measurements;
  }

  /**
   * Mounts casting ahead of the API's shared body handling, on routes of its own: the bound on ballots taken in at once
   * ({@link BallotAdmission}) before the body is read (waiting ballots stay unread), then the body, left undecoded
   * until the slip is known ({@link BallotBody}); and no other route's pattern is tried on the way.
   */
  public void mountCasting(Router router, int ballotsInFlight, long bodyLimit) {
    // Two routes of the same pattern, one after the other: Vert.x takes a body handler only ahead of a route's own.
    router.post("/api/v/:token").handler(new BallotAdmission(ballotsInFlight)).handler(JsonBody.declaredJson());
    router.post("/api/v/:token").handler(BodyHandler.create(false).setBodyLimit(bodyLimit)).handler(this::cast);
  }

  public void mount(Router router) {
    // The entry page for a code typed from the slip when its QR code will not scan; it opens /v/<token> itself.
    router.get("/v").handler(ctx -> files.page(ctx, "/vote/entry.html"));
    router.get("/v/:token").handler(this::page);
    router.get("/api/v/:token").respond(ctx -> {
      noStore(ctx);
      return service.ballotPaper(ctx.pathParam("token"));
    });
  }

  private void page(RoutingContext ctx) {
    // The token stays in the address bar only; the page reads it there and calls the API with it.
    ctx.response().putHeader("X-Robots-Tag", "noindex");
    files.page(ctx, "/vote/index.html");
  }

  /** Casts, and counts the outcome by its error code (never by slip or event) for /metrics. */
  private void cast(RoutingContext ctx) {
    Future<CastService.Cast> cast;
    try {
      cast = submit(ctx);
    } catch (AppError refused) {
      cast = Future.failedFuture(refused);
    }
    cast.onSuccess(done -> {
      measurements.ballotAccepted(done.replay());
      // Written by hand: a receipt code is ten letters and digits and a hyphen, nothing to escape.
      ctx.response().setStatusCode(done.replay() ? 200 : 201)
          .putHeader("Content-Type", "application/json; charset=utf-8")
          .end("{\"receipt\":\"" + done.receipt() + "\",\"replay\":" + done.replay() + "}");
    }).onFailure(failure -> {
      measurements.ballotRefused(failure instanceof AppError refused ? refused.errorCode() : null);
      ctx.fail(failure);
    });
  }

  private Future<CastService.Cast> submit(RoutingContext ctx) {
    if (ctx.body().length() > BALLOT_BODY_LIMIT) {
      throw AppError.of(ErrorCode.PAYLOAD_TOO_LARGE, "提交内容过大（上限 " + BALLOT_BODY_LIMIT / 1024 + " KB）");
    }
    noStore(ctx);
    return service.cast(ctx.pathParam("token"), ctx.body().buffer());
  }

  private static void noStore(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-store");
  }
}
