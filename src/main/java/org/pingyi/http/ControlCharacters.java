package org.pingyi.http;

/**
 * The one rule for control characters in text people type: line breaks and tabs are text; the others
 * (NUL, escape, DEL...) are never typed by a person, print as nothing and, for NUL, cannot be stored.
 */
public final class ControlCharacters {
  private ControlCharacters() {
  }

  /** Whether the text holds a control character other than a line break or a tab. */
  public static boolean in(CharSequence text) {
    return text.chars().anyMatch(ControlCharacters::refused);
  }

  /** A control character other than a line break or a tab. */
  public static boolean refused(int c) {
    return c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f;
  }
}
