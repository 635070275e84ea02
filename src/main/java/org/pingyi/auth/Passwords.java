package org.pingyi.auth;

import java.security.SecureRandom;
import java.util.Map;

/** Password rules and generated passwords. */
final class Passwords {
  static final int MIN_LENGTH = 8;
  static final int MAX_LENGTH = 200;
  // No 0/O, 1/l/I: the first admin password is read off a console and typed by hand.
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Passwords() {
  }

  static String generate() {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 16; i++) password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    return password.toString();
  }

  /** Field errors for a new password, empty when it is acceptable. */
  static Map<String, String> problems(String field, String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      return Map.of(field, "密码至少 " + MIN_LENGTH + " 位");
    }
    if (password.length() > MAX_LENGTH) return Map.of(field, "密码不能超过 " + MAX_LENGTH + " 位");
    return Map.of();
  }
}
