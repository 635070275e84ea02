package org.pingyi.auth;

import java.util.regex.Pattern;

/** What a staff username may be, and how a typed one that cannot be a username is written to the audit log. */
final class Usernames {
  static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9._-]{2,50}");
  static final String RULE = "只能使用 2–50 位字母、数字、点、下划线或连字符";
  /** How many characters of a malformed username the audit log keeps: enough to recognise a typo. */
  static final int AUDITED_LENGTH = 32;

  private Usernames() {
  }

  static boolean valid(String username) {
    return PATTERN.matcher(username).matches();
  }

  /**
   * The audit log's copy of a username typed at a failed sign-in. One that could be an account's is kept as typed;
   * anything else belongs to no account, so only a short, printable prefix is kept: a control, format or separator
   * character (a line break forging a second log line, a bidi override reordering what the admin reads) becomes
   * U+FFFD, and a long one is cut and ends in "…".
   */
  static String forAudit(String typed) {
    if (valid(typed)) return typed;
    StringBuilder kept = new StringBuilder();
    typed.codePoints().limit(AUDITED_LENGTH).forEach(c -> kept.appendCodePoint(printable(c) ? c : '\uFFFD'));
    if (typed.codePointCount(0, typed.length()) > AUDITED_LENGTH) kept.append('…');
    return kept.toString();
  }

  private static boolean printable(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
           Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED -> false;
      default -> true;
    };
  }
}
