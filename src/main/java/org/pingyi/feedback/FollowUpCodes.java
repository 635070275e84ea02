package org.pingyi.feedback;

import java.security.SecureRandom;
import java.util.Optional;
import org.pingyi.crypto.StoredSecrets;

/**
 * Follow-up codes: 100 random bits as 20 characters of Crockford's base32 in four groups of five
 * (e.g. 7K2QX-M9D4A-…), typed back by the submitter to read the reply. The server keeps only the SHA-256 of the
 * code's plain form, as it does with slip tokens: the code shown once is its only copy, and a copy of the database
 * can neither read a reply as the submitter nor find which code belongs to whom.
 */
final class FollowUpCodes {
  static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  static final int LENGTH = 20;
  private static final SecureRandom RANDOM = new SecureRandom();

  private FollowUpCodes() {
  }

  static String fresh() {
    StringBuilder code = new StringBuilder(LENGTH + 3);
    for (int i = 0; i < LENGTH; i++) {
      if (i > 0 && i % 5 == 0) code.append('-');
      code.append(ALPHABET.charAt(RANDOM.nextInt(32)));
    }
    return code.toString();
  }

  /**
   * The code's plain form (20 characters, capitals, no separators; O, I and L typed by mistake read as 0, 1 and 1),
   * or empty if what was typed cannot be a code.
   */
  static Optional<String> plain(String typed) {
    if (typed == null || typed.length() > 64) return Optional.empty();
    String clean = typed.toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s\\-－—_·.]", "")
        .replace('O', '0').replace('I', '1').replace('L', '1');
    if (clean.length() != LENGTH) return Optional.empty();
    for (char c : clean.toCharArray()) {
      if (ALPHABET.indexOf(c) < 0) return Optional.empty();
    }
    return Optional.of(clean);
  }

  /** The SHA-256 the database keeps of a code (of its plain form). */
  static byte[] hash(String code) {
    // Kept as slip tokens are: their SHA-256 only.
    return StoredSecrets.hash(plain(code).orElseThrow(() -> new IllegalArgumentException("not a follow-up code")));
  }
}
