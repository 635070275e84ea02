package org.pingyi.tally.report;

/** One position's votes, by the question's mode: candidates selected, or each candidate approved or not. */
public sealed interface PositionResult permits SelectPosition, ApprovePosition {

  String id();

  String title();

  int seats();

  long valid();
}
