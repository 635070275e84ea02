package org.pingyi.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256, one digest per thread: looking the algorithm up costs more than hashing a token or a ballot. */
public final class Sha256 {
  private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  });

  private Sha256() {
  }

  /**
   * This thread's digest, reset. Use it within one synchronous call (updates, then {@code digest()}), never across
   * an asynchronous step, where another task on the thread would take it over.
   */
  public static MessageDigest digest() {
    MessageDigest digest = DIGEST.get();
    digest.reset();
    return digest;
  }
}
