package org.pingyi.metrics;

/**
 * Where /metrics listens: a port of its own, apart from the one phones and the proxy reach, bound to loopback
 * unless the operator names another interface. Port 0 turns the endpoint off.
 */
public record MetricsEndpoint(String host, int port) {
  /** The Prometheus exporters' customary range; nothing else of Pingyi's listens there. */
  public static final int DEFAULT_PORT = 9464;
  public static final String DEFAULT_HOST = "127.0.0.1";

  public static MetricsEndpoint defaults() {
    return new MetricsEndpoint(DEFAULT_HOST, DEFAULT_PORT);
  }

  public boolean enabled() {
    return port != 0;
  }
}
