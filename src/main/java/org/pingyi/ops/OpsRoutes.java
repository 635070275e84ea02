package org.pingyi.ops;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.io.InputStream;
import org.pingyi.staff.StaffAuth;

/** Operational routes: /health, /ping, the OpenAPI document, and the configuration the console shows. */
public final class OpsRoutes {
  private static final String OPENAPI = "openapi.yaml";

  private final Pool pool;
  private final OpsRepository repository = new OpsRepository();
  private final StaffAuth auth;
  private final String publicUrl;
  /** Why phones cannot open the public address, if so: fixed for the life of the process, so judged once. */
  private final java.util.Optional<String> unreachable;
  private final Buffer openApi;

  /** @param openApi the OpenAPI document, as {@link #openApi(Vertx)} read it */
  public OpsRoutes(Pool pool, StaffAuth auth, String publicUrl, Buffer openApi) {
    this.pool = pool;
    this.auth = auth;
    this.publicUrl = publicUrl;
    this.unreachable = org.pingyi.config.PhoneReach.problem(publicUrl);
    this.openApi = openApi;
  }

  /**
   * Reads the OpenAPI document from the jar, once, on a worker. Not with sendFile or Vert.x's file system: they
   * look in the working directory first, so any file named openapi.yaml there would be served in its place.
   */
  public static Future<Buffer> openApi(Vertx vertx) {
    return vertx.executeBlocking(() -> bundled(OPENAPI), false);
  }

  public void mount(Router router) {
    router.get("/health").handler(this::health);
    // No database, no body: the load benchmark measures the HTTP ceiling of this server with it.
    router.get("/ping").handler(OpsRoutes::ping);
    router.get("/" + OPENAPI).handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/yaml; charset=utf-8").end(openApi));
    router.get("/api/config").handler(auth.anyStaff()).respond(this::config);
  }

  private void health(RoutingContext ctx) {
    repository.ping(pool)
        .map(v -> true)
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

  private static Buffer bundled(String resource) throws IOException {
    try (InputStream in = OpsRoutes.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IOException("missing from the classpath: " + resource);
      return Buffer.buffer(in.readAllBytes());
    }
  }

  private Future<JsonObject> config(RoutingContext ctx) {
    String version = getClass().getPackage().getImplementationVersion();
    return Future.succeededFuture(new JsonObject().put("publicUrl", publicUrl)
        .put("publicUrlReachable", unreachable.isEmpty()).put("publicUrlProblem", unreachable.orElse(null))
        .put("version", version == null ? "dev" : version));
  }
}
