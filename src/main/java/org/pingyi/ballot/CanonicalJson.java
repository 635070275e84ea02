package org.pingyi.ballot;

import java.util.List;
import java.util.Map;

/**
 * Writes normalised answers as one exact string (keys in the order given, no spaces, minimal escapes), so
 * that a receipt computed now can be computed again from the same answers by any instance, any day.
 */
public final class CanonicalJson {
  private static final String HEX = "0123456789abcdef";

  private CanonicalJson() {
  }

  /** Each thread's builder: answers are written whole at once, and one reused builder is not widened again for each. */
  private static final ThreadLocal<StringBuilder> BUILDER = ThreadLocal.withInitial(() -> new StringBuilder(1024));

  public static String write(Object value) {
    StringBuilder out = BUILDER.get();
    out.setLength(0);
    append(out, value);
    String written = out.toString();
    if (out.capacity() > 64 * 1024) BUILDER.remove();   // a rare huge ballot's builder is not kept
    return written;
  }

  private static void append(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      string(out, text);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!first) out.append(',');
        first = false;
        string(out, (String) entry.getKey());
        out.append(':');
        append(out, entry.getValue());
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) out.append(',');
        append(out, list.get(i));
      }
      out.append(']');
    } else if (value instanceof Boolean flag) {
      out.append(flag);
    } else {
      throw new IllegalArgumentException("not a normalised answer value: " + value.getClass());
    }
  }

  private static void string(StringBuilder out, String text) {
    out.append('"');
    escape(out, text);
    out.append('"');
  }

  /** The text (an answer's, or a counter's key being built) as the inside of a JSON string, minimally escaped. */
  public static void escape(StringBuilder out, CharSequence text) {
    int plain = 0;
    while (plain < text.length() && text.charAt(plain) >= 0x20 && text.charAt(plain) != '"' && text.charAt(plain) != '\\') {
      plain++;
    }
    if (plain == text.length()) {
      out.append(text);   // nothing to escape: ids, and most text
      return;
    }
    escaped(out, text);
  }

  private static void escaped(StringBuilder out, CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) out.append("\\u00").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
          else out.append(c);
        }
      }
    }
  }
}
