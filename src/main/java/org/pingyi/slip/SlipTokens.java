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

  /** One digest per thread (digest() resets it): looking SHA-256 up costs more than hashing a token, twice a ballot. */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  });

  public static byte[] hash(String token) {
    return SHA_256.get().digest(token.getBytes(StandardCharsets.US_ASCII));
  }

  /** The serial printed on a slip: category code and a four-digit (or longer) number, e.g. A-0042. */
  public static String serial(String categoryCode, int number) {
    // Not String.format: this runs for every slip of a batch on the event loop, and format costs ten times more.
    String digits = Integer.toString(number);
    return categoryCode + "-" + "0".repeat(Math.max(0, 4 - digits.length())) + digits;
  }
}
