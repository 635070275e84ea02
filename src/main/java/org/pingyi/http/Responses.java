package org.pingyi.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Answers for the statuses that {@code Route.respond} does not give (201, 204). */
public final class Responses {
  private Responses() {
  }

  public static void created(RoutingContext ctx, Future<JsonObject> result) {
    result.onSuccess(body -> ctx.response().setStatusCode(201)
            .putHeader("Content-Type", "application/json; charset=utf-8")
            .end(body.encode()))
        .onFailure(ctx::fail);
  }

  public static void noContent(RoutingContext ctx, Future<?> result) {
    result.onSuccess(ignored -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }
}
