package org.pingyi.http;

import java.time.Duration;

/**
 * How much of the server one client may hold: open connections per address (0: no cap), and how long a request
 * may take to arrive once its first byte has, so that a client trickling bytes cannot hold a connection for ever.
 */
public record ConnectionLimits(int perAddress, Duration requestRead) {
  /**
   * A browser opens at most six connections to one server, and loading the voter's page uses all six (Chromium as a
   * phone: six connections, kept open after the page loaded until the idle timeout). 2,000 phones behind one NAT (a
   * hall's Wi-Fi, a carrier's gateway) loading the page within a minute therefore stay under 2,000 × 6.
   */
  public static final int DEFAULT_PER_ADDRESS = 12_000;
  /** A request head is a few hundred bytes: ten seconds is ample on the worst mobile link. */
  public static final int DEFAULT_REQUEST_READ_SECONDS = 10;

  public static ConnectionLimits defaults() {
    return new ConnectionLimits(DEFAULT_PER_ADDRESS, Duration.ofSeconds(DEFAULT_REQUEST_READ_SECONDS));
  }
}
