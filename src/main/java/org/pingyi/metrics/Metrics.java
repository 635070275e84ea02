package org.pingyi.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;

/**
 * The process's Prometheus registry, and a Vert.x that reports into it: HTTP requests by route pattern, method and
 * status, the database pool's waits, and the JVM's heap and collections. Vert.x's labels are chosen here, and
 * never include the peer's or the local address (REMOTE, LOCAL) or the raw path (HTTP_PATH).
 */
public final class Metrics {
  /** Latency buckets for the HTTP timer: enough for a percentile in Grafana without a series per millisecond. */
  private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
      Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
      Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

  private final PrometheusMeterRegistry registry;
  private final Measurements measurements;

  private Metrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
    this.measurements = Measurements.in(registry);
  }

  public static Metrics create() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(new HttpLabels()).meterFilter(latencyBuckets());
    return new Metrics(registry);
  }

  /** A Vert.x whose HTTP servers, pools and JVM report into this registry. */
  public Vertx vertx() {
    MicrometerMetricsOptions options = new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true)
        // Vert.x keeps registries by name for the whole JVM: a name of its own, so tests' instances never share one.
        .setRegistryName("pingyi-" + UUID.randomUUID())
        .setLabels(EnumSet.of(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE, Label.POOL_TYPE, Label.POOL_NAME))
        .addDisabledMetricsCategory(MetricsDomain.EVENT_BUS)
        .addDisabledMetricsCategory(MetricsDomain.HTTP_CLIENT)
        .addDisabledMetricsCategory(MetricsDomain.DATAGRAM_SOCKET)
        .addDisabledMetricsCategory(MetricsDomain.VERTICLES);
    return Vertx.builder().with(new VertxOptions().setMetricsOptions(options))
        .withMetrics(new MicrometerMetricsFactory(registry)).build();
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public Measurements measurements() {
    return measurements;
  }

  private static MeterFilter latencyBuckets() {
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!id.getName().equals("vertx.http.server.response.time")) return config;
        double[] buckets = new double[LATENCY_BUCKETS.length];
        for (int i = 0; i < buckets.length; i++) buckets[i] = LATENCY_BUCKETS[i].toNanos();
        return DistributionStatisticConfig.builder().serviceLevelObjectives(buckets).build().merge(config);
      }
    };
  }
}
