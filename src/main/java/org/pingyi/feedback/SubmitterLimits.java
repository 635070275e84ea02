package org.pingyi.feedback;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The box's rate limits, held only in memory and shared by the server instances of one process: how many messages
 * (and follow-up look-ups) each address sent in the current hour, and which proof-of-work challenges were spent.
 *
 * <p>Nothing here is ever written anywhere, and none of it is tied to a message: an address is kept only as a keyed
 * hash under a key made at start and never stored, and the whole table is dropped when the hour turns. Servers
 * sharing a database each count on their own; the proof of work is what costs the same everywhere.
 */
final class SubmitterLimits implements Shareable {
  /** Messages per address per hour: a floor of the office behind one NAT may still write, one script may not flood. */
  static final int MESSAGES_PER_HOUR = 20;
  static final int LOOKUPS_PER_HOUR = 60;
  private static final long HOUR_MS = 3_600_000;

  private final byte[] key = new byte[32];
  private final Clock clock;
  private final Map<String, int[]> counts = new HashMap<>();
  private final Map<String, Long> spent = new HashMap<>();
  private long hour;

  private SubmitterLimits(Clock clock) {
    this.clock = clock;
    new SecureRandom().nextBytes(key);
  }

  /** The one instance of this Vert.x (every verticle instance of the server shares it). */
  static SubmitterLimits of(Vertx vertx) {
    LocalMap<String, SubmitterLimits> map = vertx.sharedData().getLocalMap("pingyi.feedback.limits");
    SubmitterLimits fresh = new SubmitterLimits(Clock.systemUTC());
    SubmitterLimits existing = map.putIfAbsent("limits", fresh);
    return existing == null ? fresh : existing;
  }

  /** Counts a message from this address; false (and not counted) when its hour's allowance is used up. */
  synchronized boolean allowMessage(String address) {
    return allow(address, 0, MESSAGES_PER_HOUR);
  }

  synchronized boolean allowLookup(String address) {
    return allow(address, 1, LOOKUPS_PER_HOUR);
  }

  /** Seconds until the counts start again. */
  synchronized int secondsLeftInHour() {
    return (int) Math.max(1, (HOUR_MS - clock.millis() % HOUR_MS) / 1000);
  }

  /** Marks a challenge as used; false if it already was (until it expires, when the proof refuses it anyway). */
  synchronized boolean spend(String challenge) {
    long now = clock.millis();
    if (spent.size() > 10_000) spent.values().removeIf(until -> until < now);
    Long until = spent.get(challenge);
    if (until != null && until >= now) return false;
    spent.put(challenge, now + (ProofOfWork.VALID_MINUTES + 2) * 60_000L);
    return true;
  }

  private boolean allow(String address, int kind, int max) {
    long current = clock.millis() / HOUR_MS;
    if (current != hour) {
      counts.clear();
      hour = current;
    }
    int[] count = counts.computeIfAbsent(keyed(address), k -> new int[2]);
    if (count[kind] >= max) return false;
    count[kind]++;
    return true;
  }

  private String keyed(String address) {
    return java.util.Base64.getEncoder().encodeToString(ProofOfWork.hmac(key, String.valueOf(address)));
  }
}
