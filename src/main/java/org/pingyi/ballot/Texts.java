package org.pingyi.ballot;

import org.pingyi.http.ControlCharacters;

/** What a voter may write: text that PostgreSQL stores as written, within a length counted in characters. */
final class Texts {

  private Texts() {
  }

  /** Leading and trailing blanks dropped and line ends unified, so the same words give the same receipt. */
  static String normalise(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n').strip();
  }

  /** Characters as a reader counts them (a CJK character or an emoji is one), not UTF-16 units. */
  static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  /**
   * Why the text cannot be stored, or null. PostgreSQL's jsonb refuses NUL, a lone surrogate cannot be
   * encoded in UTF-8, and other control characters are never typed by a person.
   */
  static String refusal(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "含有无法识别的字符";
      } else if (ControlCharacters.refused(c)) {
        return "含有不允许的控制字符";
      }
    }
    return null;
  }
}
