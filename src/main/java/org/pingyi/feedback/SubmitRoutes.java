package org.pingyi.feedback;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.pingyi.http.JsonBody;
import org.pingyi.http.Responses;
import org.pingyi.http.StaticFiles;

/**
 * The feedback box's public addresses, no account needed: /f/:key (the page, which holds no data: the same bytes
 * for every key), GET /api/f/:key (the box's heading and a proof-of-work challenge), POST /api/f/:key/messages
 * (leave a message; answers the follow-up code) and POST /api/followup (read the reply; the code travels in the
 * body, never in an address). The access log leaves all of them out (RequestLog), so it holds no moment at which
 * someone opened a box or wrote to it.
 */
public final class SubmitRoutes {
  private final SubmitService service;
  private final StaticFiles files;

  public SubmitRoutes(SubmitService service, StaticFiles files) {
    this.service = service;
    this.files = files;
  }

  public void mount(Router router) {
    router.get("/f/:key").handler(ctx -> files.page(ctx, "/feedback/index.html"));
    router.get("/api/f/:key").respond(ctx -> noStore(ctx, service.describe(ctx.pathParam("key"))));
    router.post("/api/f/:key/messages").handler(this::submit);
    router.post("/api/followup").respond(ctx -> noStore(ctx,
        service.followUp(JsonBody.of(ctx).getValue("code") instanceof String s ? s : "", address(ctx))));
  }

  private void submit(RoutingContext ctx) {
    FeedbackInput.NewMessage message = FeedbackInput.message(JsonBody.of(ctx));
    ctx.response().putHeader("Cache-Control", "no-store");
    Responses.created(ctx, service.submit(ctx.pathParam("key"), message, address(ctx)));
  }

  private static Future<JsonObject> noStore(RoutingContext ctx, Future<JsonObject> answer) {
    ctx.response().putHeader("Cache-Control", "no-store");
    return answer;
  }

  /** Only to count against the hour's allowance, in memory (SubmitterLimits); never stored or logged. */
  private static String address(RoutingContext ctx) {
    SocketAddress remote = ctx.request().remoteAddress();
    return remote == null || remote.host() == null ? "unknown" : remote.host();
  }
}
