package org.pingyi.slip;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * The tokens of one batch, derived on demand from a secret seed so that a batch of 100,000 never has to be
 * held in memory: token i is the first 160 bits of HMAC-SHA256(seed, i as a big-endian int), base64url.
 * The seed exists only in memory while the batch is issued and sent, and is zeroed by {@link #close()};
 * after that the tokens exist only in the file the organizer downloaded.
 */
final class BatchTokens implements AutoCloseable {
  static final int SEED_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

  private final byte[] seed;
  private final SeedKey key;
  private final Mac mac;
  private boolean closed;

  /** Takes the seed as it is, without a copy, so that closing zeroes the only array we hold. */
  BatchTokens(byte[] seed) {
    if (seed.length != SEED_BYTES) throw new IllegalArgumentException("a batch seed has " + SEED_BYTES + " bytes");
    this.seed = seed;
    this.key = new SeedKey(seed);
    try {
      this.mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static BatchTokens fresh() {
    byte[] seed = new byte[SEED_BYTES];
    RANDOM.nextBytes(seed);
    return new BatchTokens(seed);
  }

  /** The token of the slip at this position in the batch (0-based). Synchronized: a Mac is not thread-safe. */
  synchronized String token(int index) {
    if (closed) throw new IllegalStateException("the batch seed has been dropped");
    mac.update(new byte[] {(byte) (index >>> 24), (byte) (index >>> 16), (byte) (index >>> 8), (byte) index});
    byte[] digest = mac.doFinal();
    String token = URL_SAFE.encodeToString(Arrays.copyOf(digest, SlipTokens.TOKEN_BYTES));
    Arrays.fill(digest, (byte) 0);
    return token;
  }

  /**
   * Zeroes the seed, then re-keys the Mac with the zeroed seed so that its padded copies of the key are
   * overwritten too. Best effort: the JVM may have copied arrays while moving them, but nothing reachable
   * can derive the batch's tokens after this.
   */
  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    Arrays.fill(seed, (byte) 0);
    try {
      mac.init(key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The seed as a JCE key without a copy of its own (SecretKeySpec would clone it beyond our reach). */
  private static final class SeedKey implements SecretKey {
    private final transient byte[] seed;

    SeedKey(byte[] seed) {
      this.seed = seed;
    }

    @Override
    public String getAlgorithm() {
      return "HmacSHA256";
    }

    @Override
    public String getFormat() {
      return "RAW";
    }

    /** The JCE zeroes this copy once it has derived its padded keys. */
    @Override
    public byte[] getEncoded() {
      return seed.clone();
    }
  }
}
