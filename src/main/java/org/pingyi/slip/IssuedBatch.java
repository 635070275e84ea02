package org.pingyi.slip;

/**
 * A batch just committed, with what its printed sheet shows. Its slips are derived one at a time from the
 * batch's seed, so the whole batch is never in memory; {@link #close()} drops the seed once the file is sent.
 */
final class IssuedBatch implements AutoCloseable {
  private final String eventTitle;
  private final String categoryCode;
  private final String categoryName;
  private final int firstNumber;
  private final int count;
  private final BatchTokens tokens;

  IssuedBatch(String eventTitle, String categoryCode, String categoryName, int firstNumber, int count,
              BatchTokens tokens) {
    this.eventTitle = eventTitle;
    this.categoryCode = categoryCode;
    this.categoryName = categoryName;
    this.firstNumber = firstNumber;
    this.count = count;
    this.tokens = tokens;
  }

  String eventTitle() {
    return eventTitle;
  }

  String categoryName() {
    return categoryName;
  }

  int firstNumber() {
    return firstNumber;
  }

  int count() {
    return count;
  }

  /** The slip at this position in the batch (0-based). */
  IssuedSlip slip(int index) {
    return new IssuedSlip(serial(index), tokens.token(index));
  }

  String serial(int index) {
    return SlipTokens.serial(categoryCode, firstNumber + index);
  }

  String firstSerial() {
    return serial(0);
  }

  String lastSerial() {
    return serial(count - 1);
  }

  @Override
  public void close() {
    tokens.close();
  }
}
