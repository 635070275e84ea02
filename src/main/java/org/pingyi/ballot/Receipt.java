package org.pingyi.ballot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import org.pingyi.crypto.Sha256;
import org.pingyi.crypto.StoredSecrets;

/**
 * A ballot's receipt: SHA-256 over the event, the slip's token, the normalised answers and a random nonce that
 * only the voter's phone knows. The database keeps the hash with the ballot; the voter sees its first 50 bits as
 * a ten-character code. The code proves to its holder that the ballot was counted (it appears in the event's
 * receipt list) but names nobody. The same phone retrying the same ballot with the same slip gets the same hash,
 * which is how a lost response is recovered without storing any link between slip and ballot; the token in it
 * means that nobody can ask, with another slip, whether some answers and nonce were stored (a coercer checking
 * a vote he dictated), and the database, which keeps only the token's own hash, cannot recompute it either.
 */
public record Receipt(byte[] hash) {
  /** Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand stays unambiguous. */
  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] PREFIX = "pingyi-receipt-v2\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte NEWLINE = '\n';

  /** Whether the text is a nonce as a phone sends it: 16 to 64 bytes of randomness, base64url (22–86 characters). */
  public static boolean isNonce(String text) {
    return StoredSecrets.base64url(text, 22, 86);
  }

  public static Receipt of(UUID eventId, String slipToken, Map<String, Object> normalisedAnswers, String nonce) {
    return of(eventId, slipToken, CanonicalJson.write(normalisedAnswers), nonce);
  }

  /** The same, from the answers' canonical JSON ({@link CanonicalJson#write}), when the caller has it already. */
  public static Receipt of(UUID eventId, String slipToken, String canonicalAnswers, String nonce) {
    MessageDigest sha = Sha256.digest();
    sha.update(PREFIX);
    Sha256.updateUtf8(sha, eventId.toString());
    sha.update(NEWLINE);
    Sha256.updateUtf8(sha, slipToken);
    sha.update(NEWLINE);
    Sha256.updateUtf8(sha, canonicalAnswers);
    sha.update(NEWLINE);
    Sha256.updateUtf8(sha, nonce);
    return new Receipt(sha.digest());
  }

  /** A receipt nobody holds the key to (a paper ballot's): unique, and recomputable by nobody. */
  public static Receipt unheld() {
    byte[] hash = new byte[32];
    RANDOM.nextBytes(hash);
    return new Receipt(hash);
  }

  /** The printed code, e.g. {@code 7K2QX-M9D4A}: the hash's first 50 bits. */
  public String code() {
    long bits = 0;
    for (int i = 0; i < 7; i++) bits = (bits << 8) | (hash[i] & 0xff);
    bits >>>= 6;
    StringBuilder code = new StringBuilder();
    for (int i = 9; i >= 0; i--) {
      code.append(ALPHABET.charAt((int) (bits >>> (5 * i)) & 31));
      if (i == 5) code.append('-');
    }
    return code.toString();
  }
}
