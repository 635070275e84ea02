package org.pingyi.support;

import java.util.Map;
import java.util.function.Supplier;

/**
 * One request of the hostile corpus: what is sent (built when sent, so it can use a fresh slip or the current
 * form version) and what must come back.
 */
public record HostileRequest(String label, String method, Supplier<String> uri, Map<String, String> headers,
    Supplier<byte[]> body, Expect expect, int status) {

  /** What the server may answer. Every kind forbids a 5xx, and every 4xx must be the JSON error body. */
  public enum Expect {
    /** A 4xx (exactly {@link #status} when that is not 0). */
    REFUSED,
    /** Text that is hostile only where it is shown: stored as text (2xx) or refused (4xx), never a 5xx. */
    STORED_AS_TEXT,
    /** A page address: the page (200 HTML), a redirect to the console, or a 4xx; never a 5xx. */
    PAGE,
    /** An address that must be answered (2xx or 3xx), such as a page asked for with HEAD. */
    SERVED
  }

  public static HostileRequest refused(String label, String method, Supplier<String> uri, Map<String, String> headers,
      Supplier<byte[]> body, int status) {
    return new HostileRequest(label, method, uri, headers, body, Expect.REFUSED, status);
  }

  public String describe(String sentUri) {
    return label + ": " + method + " " + abbreviated(sentUri);
  }

  static String abbreviated(String text) {
    return text.length() <= 160 ? text : text.substring(0, 150) + "…(" + text.length() + " chars)";
  }
}
