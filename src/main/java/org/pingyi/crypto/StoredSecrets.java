package org.pingyi.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Secrets the server hands out but keeps only as their SHA-256: slip tokens, screen-link keys, follow-up codes.
 * Each is long and random, so an unsalted hash is enough: the stored hash cannot be turned back into the
 * secret, and whoever presents the secret is found by hashing it again.
 */
public final class StoredSecrets {

  private StoredSecrets() {
  }

  public static byte[] hash(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
