package org.pingyi.crypto;

import java.nio.charset.StandardCharsets;

/**
 * Secrets the server hands out but keeps only as their SHA-256: slip tokens, screen-link keys, follow-up codes.
 * Each is long and random, so an unsalted hash is enough: the stored hash cannot be turned back into the
 * secret, and whoever presents the secret is found by hashing it again.
 */
public final class StoredSecrets {
  private StoredSecrets() {
  }

  public static byte[] hash(String secret) {
    return Sha256.digest().digest(secret.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Whether the text is {@code min} to {@code max} URL-safe base64 characters, the shape of every secret handed out;
   * without a regex, since a ballot asks twice (its slip token and its nonce).
   */
  public static boolean base64url(String text, int min, int max) {
    if (text == null || text.length() < min || text.length() > max) return false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) return false;
    }
    return true;
  }
}
