package org.pingyi.tally.report;

/** Whether the ballots returned (standing in for 实到) reach the form's quorum share ("2/3") of 应到. */
public record Quorum(String share, long required, long present, boolean reached) {
}
