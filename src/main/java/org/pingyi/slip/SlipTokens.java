package org.pingyi.slip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Slip tokens: 160 random bits, URL-safe; the server keeps only their SHA-256. */
public final class SlipTokens {
  static final int TOKEN_BYTES = 20;
  private static final SecureRandom RANDOM = new SecureRandom();

  private SlipTokens() {
  }

  public static String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
    return categoryCode + "-" + String.format("%04d", number);
  }
}
