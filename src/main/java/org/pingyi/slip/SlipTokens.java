package org.pingyi.slip;

import org.pingyi.crypto.StoredSecrets;

/**
 * Slip tokens: 160 unpredictable bits, URL-safe (made per batch by {@link BatchTokens}); the server keeps
 * only their SHA-256 ({@link StoredSecrets}).
 */
public final class SlipTokens {
  static final int TOKEN_BYTES = 20;

  private SlipTokens() {
  }

  /**
   * Whether the text could be a slip token (16–64 URL-safe characters, allowing for tokens of other lengths than
   * today's): anything else names no slip and is refused unhashed.
   */
  public static boolean wellFormed(String token) {
    return StoredSecrets.base64url(token, 16, 64);
  }

  /** The serial printed on a slip: category code and a four-digit (or longer) number, e.g. A-0042. */
  public static String serial(String categoryCode, int number) {
    // Not String.format: this runs for every slip of a batch on the event loop, and format costs ten times more.
    String digits = Integer.toString(number);
    return categoryCode + "-" + "0".repeat(Math.max(0, 4 - digits.length())) + digits;
  }
}
