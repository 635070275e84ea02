package org.pingyi.slip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Slip tokens: 160 unpredictable bits, URL-safe (made per batch by {@link BatchTokens}); the server keeps
 * only their SHA-256.
 */
public final class SlipTokens {
  static final int TOKEN_BYTES = 20;

  private SlipTokens() {
  }

  public static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The serial printed on a slip: category code and a four-digit (or longer) number, e.g. A-0042. */
  public static String serial(String categoryCode, int number) {
    // Not String.format: this runs for every slip of a batch on the event loop, and format costs ten times more.
    String digits = Integer.toString(number);
    return categoryCode + "-" + "0".repeat(Math.max(0, 4 - digits.length())) + digits;
  }
}
