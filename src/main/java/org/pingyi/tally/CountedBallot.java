package org.pingyi.tally;

import java.util.Map;

/**
 * A stored ballot as the tally sees it: its voter category, channel, whether it is unreadable (a paper ballot
 * invalid as a whole) and its normalised answers, {@code {formId: {questionId: answer}}}.
 */
public record CountedBallot(String categoryCode, String channel, boolean unreadable, Map<String, Object> answers) {
}
