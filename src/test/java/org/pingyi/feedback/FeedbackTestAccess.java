package org.pingyi.feedback;

/** The proof of work as the box's page does it, for tests in other packages that leave messages. */
public final class FeedbackTestAccess {
  private FeedbackTestAccess() {
  }

  public static String solve(String challenge, int bits) {
    return ProofOfWork.solve(challenge, bits);
  }
}
