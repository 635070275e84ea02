package org.pingyi.box;

import java.util.UUID;

/**
 * A validated ballot about to be dropped into the ballot box, with the result counters it adds once mixed; note
 * what it lacks: any reference to the slip that was consumed for it. Answers and counters are held as the JSON
 * text that is stored, written once (a ballot waiting for its group commit holds no maps).
 *
 * @param answers the normalised answers as their canonical JSON ({@code org.pingyi.ballot.CanonicalJson}), the
 *                same text the receipt was computed from
 * @param receiptHash SHA-256 of the receipt ({@code org.pingyi.ballot.Receipt}), unique within the event
 * @param counters the result counters as held in the box, each key once ({@code TallyCounters.held})
 */
public record NewBallot(UUID eventId, String categoryCode, String channel, boolean unreadable,
                        String answers, byte[] receiptHash, String counters) {
  public static final String PHONE = "phone";
  public static final String PAPER = "paper";
}
