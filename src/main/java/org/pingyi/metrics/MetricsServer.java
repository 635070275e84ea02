package org.pingyi.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET /metrics in Prometheus' text format, on a port of its own (PINGYI_METRICS_PORT, loopback by default). Not on
 * the public port: nginx forwards only that one, so phones and the hall's network never reach the figures, and the
 * public API stays exactly what openapi.yaml documents. A staff token was the other choice; Prometheus would have
 * to hold one, and sign in again every hour.
 */
public final class MetricsServer extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);

  private final MetricsEndpoint endpoint;
  private final PrometheusMeterRegistry registry;
  private HttpServer server;

  public MetricsServer(MetricsEndpoint endpoint, PrometheusMeterRegistry registry) {
    this.endpoint = endpoint;
    this.registry = registry;
  }

  /**
   * Deploys the endpoint if it is configured. Ballots come first: if the port is taken, the server runs on without
   * /metrics (Prometheus then reports the target down) rather than refusing to start.
   */
  public static Future<Void> deploy(Vertx vertx, MetricsEndpoint endpoint, PrometheusMeterRegistry registry) {
    if (!endpoint.enabled()) return Future.succeededFuture();
    return vertx.deployVerticle(new MetricsServer(endpoint, registry))
        .onSuccess(id -> LOG.info("Metrics at http://{}:{}/metrics", endpoint.host(), endpoint.port()))
        .onFailure(e -> LOG.warn("No /metrics: could not listen on {}:{} (PINGYI_METRICS_HOST, PINGYI_METRICS_PORT): {}",
            endpoint.host(), endpoint.port(), e.getMessage()))
        .<Void>mapEmpty().recover(e -> Future.succeededFuture());
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
    return vertx.createHttpServer().requestHandler(router).listen(endpoint.port(), endpoint.host())
        .onSuccess(listening -> server = listening);
  }

  /** The port actually bound (useful when configured as 0 in tests). */
  public int actualPort() {
    return server.actualPort();
  }
}
