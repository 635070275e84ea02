package org.pingyi.ops;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import org.pingyi.auth.StaffAuth;

/** Operational routes: /health, /ping, the OpenAPI document, and the configuration the console shows. */
public final class OpsRoutes {
  private final Pool pool;
  private final StaffAuth auth;
  private final String publicUrl;

  public OpsRoutes(Pool pool, StaffAuth auth, String publicUrl) {
    this.pool = pool;
    this.auth = auth;
    this.publicUrl = publicUrl;
  }

  public void mount(Router router) {
    router.get("/health").handler(this::health);
    // No database, no body: the load benchmark measures the HTTP ceiling of this server with it.
    router.get("/ping").handler(OpsRoutes::ping);
    // sendFile reads the classpath resource asynchronously: nothing blocks the event loop.
    router.get("/openapi.yaml").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/yaml; charset=utf-8").sendFile("openapi.yaml")
        .onFailure(ctx::fail));
    router.get("/api/config").handler(auth.anyStaff()).respond(this::config);
  }

  private void health(RoutingContext ctx) {
    pool.query("SELECT 1").execute()
        .map(rows -> true)
        .otherwise(false)
        .onSuccess(up -> ctx.response()
            .setStatusCode(up ? 200 : 503)
            .putHeader("Content-Type", "application/json; charset=utf-8")
            .putHeader("Cache-Control", "no-store")
            .end(new JsonObject().put("status", up ? "up" : "degraded")
                .put("database", up ? "up" : "down").encode()));
  }

  private static void ping(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8").putHeader("Cache-Control", "no-store")
        .end("ok");
  }

  private Future<JsonObject> config(RoutingContext ctx) {
    String version = getClass().getPackage().getImplementationVersion();
    return Future.succeededFuture(new JsonObject().put("publicUrl", publicUrl)
        .put("version", version == null ? "dev" : version));
  }
}
