package org.pingyi.http;

import java.time.Duration;

/**
 * How much of the server its clients may hold: open connections per address (0: no cap); how long a request may
 * take to arrive once its first byte has, so that a client trickling bytes cannot hold a connection for ever; and
 * how many ballots each event loop takes in at once (read, checked, waiting for their commit), so that a hall
 * voting all at once waits in its connections instead of in the heap.
 */
public record ConnectionLimits(int perAddress, Duration requestRead, int ballotsInFlight) {
  /**
   * A browser opens at most six connections to one server, and loading the voter's page uses all six (Chromium as a
   * phone: six connections, kept open after the page loaded until the idle timeout). 2,000 phones behind one NAT (a
   * hall's Wi-Fi, a carrier's gateway) loading the page within a minute therefore stay under 2,000 × 6.
   */
  public static final int DEFAULT_PER_ADDRESS = 12_000;
  /** A request head is a few hundred bytes: ten seconds is ample on the worst mobile link. */
  public static final int DEFAULT_REQUEST_READ_SECONDS = 10;
  /**
   * Enough for the group commits to stay full (a group takes up to a few hundred ballots, and the next gathers while
   * one commits); a ballot in flight holds some 10–40 KB, so two event loops hold at most a few tens of MB.
   */
  public static final int DEFAULT_BALLOTS_IN_FLIGHT = 1_000;

  /** These caps on connections per address and request read time, with the default bound on ballots in flight. */
  public ConnectionLimits(int perAddress, Duration requestRead) {
    this(perAddress, requestRead, DEFAULT_BALLOTS_IN_FLIGHT);
  }

  public static ConnectionLimits defaults() {
    return new ConnectionLimits(DEFAULT_PER_ADDRESS, Duration.ofSeconds(DEFAULT_REQUEST_READ_SECONDS));
  }
}
