package org.pingyi.tally.report;

/** Free text: only how many ballots wrote something; the words stay in the raw ballots. */
public record TextResult(String id, String kind, String text, long answered) implements QuestionResult {
}
