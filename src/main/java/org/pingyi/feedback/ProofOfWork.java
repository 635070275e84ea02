package org.pingyi.feedback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The work a browser does before it may leave a message: find a nonce such that SHA-256(challenge ":" nonce) starts
 * with {@link #BITS} zero bits (about 65,000 hashes, a second or so on a phone, done while the person writes).
 *
 * <p>A challenge is {@code <random>.<minute issued>.<signature>}, signed with a key every instance derives from the
 * shared sign-in key, so any instance can check what another issued and nothing is stored to issue one. It holds no
 * address and no device; it is good for {@link #VALID_MINUTES} minutes, and {@link SubmitterLimits} remembers the
 * spent ones (in memory, until they expire) so that one solution is not a licence for many messages.
 */
final class ProofOfWork {
  static final int BITS = 16;
  static final int VALID_MINUTES = 180;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] key;
  private final Clock clock;

  ProofOfWork(String sharedSecret, Clock clock) {
    this.key = hmac(sharedSecret.getBytes(StandardCharsets.UTF_8), "pingyi feedback proof-of-work");
    this.clock = clock;
  }

  /** What a solution was checked to be. */
  enum Verdict { VALID, EXPIRED, WRONG }

  String issue() {
    byte[] salt = new byte[12];
    RANDOM.nextBytes(salt);
    String body = b64(salt) + "." + minute();
    return body + "." + sign(body);
  }

  Verdict check(String challenge, String nonce) {
    if (challenge == null || nonce == null || challenge.length() > 100 || nonce.length() > 24) return Verdict.WRONG;
    String[] parts = challenge.split("\\.", -1);
    if (parts.length != 3) return Verdict.WRONG;
    String body = parts[0] + "." + parts[1];
    if (!MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
        parts[2].getBytes(StandardCharsets.US_ASCII))) {
      return Verdict.WRONG;
    }
    long issued;
    try {
      issued = Long.parseLong(parts[1]);
    } catch (NumberFormatException e) {
      return Verdict.WRONG;
    }
    long age = minute() - issued;
    if (age < 0 || age > VALID_MINUTES) return Verdict.EXPIRED;
    return solves(challenge, nonce, BITS) ? Verdict.VALID : Verdict.WRONG;
  }

  /** Whether SHA-256(challenge ":" nonce) starts with {@code bits} zero bits. */
  static boolean solves(String challenge, String nonce, int bits) {
    byte[] digest = sha256((challenge + ":" + nonce).getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < bits; i++) {
      if ((digest[i / 8] & (0x80 >>> (i % 8))) != 0) return false;
    }
    return true;
  }

  /** Solves a challenge as the browser does (for tests and tools). */
  static String solve(String challenge, int bits) {
    for (long n = 0; ; n++) {
      if (solves(challenge, Long.toString(n), bits)) return Long.toString(n);
    }
  }

  private long minute() {
    return clock.millis() / 60_000;
  }

  private String sign(String body) {
    return b64(hmac(key, body)).substring(0, 22);
  }

  /** HMAC-SHA256 of {@code text} in UTF-8 (also what keys the per-address counters in memory). */
  static byte[] hmac(byte[] key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
