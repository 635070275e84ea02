package org.pingyi.ballot;

import java.util.Map;
import java.util.UUID;

/**
 * A ballot about to be stored, with the tally counters it adds; note what it lacks: any reference to the slip
 * that was consumed for it.
 */
public record NewBallot(UUID eventId, String categoryCode, String channel, boolean unreadable,
                        Map<String, Object> answers, Receipt receipt, Map<String, Long> counters) {
  public static final String PHONE = "phone";
  public static final String PAPER = "paper";
}
