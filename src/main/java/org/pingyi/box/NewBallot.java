package org.pingyi.box;

import java.util.Map;
import java.util.UUID;

/**
 * A validated ballot about to be dropped into the ballot box, with the result counters it adds once mixed; note
 * what it lacks: any reference to the slip that was consumed for it.
 *
 * @param receiptHash SHA-256 of the receipt ({@code org.pingyi.ballot.Receipt}), unique within the event
 */
public record NewBallot(UUID eventId, String categoryCode, String channel, boolean unreadable,
                        Map<String, Object> answers, byte[] receiptHash, Map<String, Long> counters) {
  public static final String PHONE = "phone";
  public static final String PAPER = "paper";
}
