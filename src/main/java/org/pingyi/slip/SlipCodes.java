package org.pingyi.slip;

import java.util.Base64;

/**
 * A slip's token as a code a voter can type when the QR code will not scan: the same 160 bits, no more, in
 * Crockford's base32 (digits and capitals without I, L, O, U; case does not matter; O, I and L typed by mistake
 * read as 0, 1 and 1), eight groups of four. The entry page /v turns it back into the token in the browser, so the
 * code travels no further than the QR code's address does. webroot/vote/entry.js holds the same alphabet.
 */
final class SlipCodes {
  static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final int GROUP = 4;

  private SlipCodes() {
  }

  /** "7F3K-Q9ZD-…" for a token of {@link SlipTokens#TOKEN_BYTES} bytes (base64url). */
  static String of(String token) {
    byte[] bytes = Base64.getUrlDecoder().decode(token);
    StringBuilder code = new StringBuilder(40);
    int buffer = 0;
    int bits = 0;
    int symbols = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        if (symbols > 0 && symbols % GROUP == 0) code.append('-');
        code.append(ALPHABET.charAt((buffer >>> bits) & 31));
        symbols++;
      }
    }
    if (bits > 0) code.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
    return code.toString();
  }

  /** The token a typed code stands for; what the entry page computes, kept here to test the two agree. */
  static String token(String code) {
    String clean = code.toUpperCase().replaceAll("[\\s-]", "").replace('O', '0').replace('I', '1').replace('L', '1');
    byte[] bytes = new byte[clean.length() * 5 / 8];
    int buffer = 0;
    int bits = 0;
    int n = 0;
    for (char c : clean.toCharArray()) {
      int value = ALPHABET.indexOf(c);
      if (value < 0) throw new IllegalArgumentException("not a slip code character: " + c);
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        bytes[n++] = (byte) (buffer >>> bits);
      }
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
