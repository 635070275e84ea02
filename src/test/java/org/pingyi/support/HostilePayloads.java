package org.pingyi.support;

import java.util.List;

/** The hostile values the corpus puts into paths, text fields and headers. */
public final class HostilePayloads {
  /** Text that is harmless as text and harmful only if run as SQL or HTML: it may be stored, and must come back inert. */
  public static final List<String> INERT_TEXT = List.of(
      "'; DROP TABLE ballots; --",
      "\" OR 1=1 --",
      "1' UNION SELECT token_sha256 FROM slips --",
      "$1 $$ E'\\\\x00' ::jsonb",
      "<script>window.__pwned=1</script>",
      "<img src=x onerror=\"window.__pwned=1\">",
      "\"><svg onload=window.__pwned=1>",
      "javascript:window.__pwned=1",
      "{{7*7}} ${7*7} #{7*7}",
      "../../../../etc/passwd",
      "\u202Egnp.exe 右到左覆盖",
      "𠮷野家 😀👍🏽 ",
      "x".repeat(5000));

  /** Text that cannot be stored or was never typed by a person: refused wherever it appears. */
  public static final List<String> UNSTORABLE_TEXT = List.of(
      "\u0000",
      "名字\u0000后缀",
      "\uD800",
      "孤\uDC00立",
      "\u0007响铃",
      "\u001b[31m红色");

  /** Path parameter values, as they appear in the address (already percent-encoded where meant). */
  public static final List<String> PATH_VALUES = List.of(
      "not-a-uuid",
      "0",
      "-1",
      "00000000-0000-0000-0000-000000000000",
      "9999999999999999999999999999",
      "x".repeat(3000),
      "x".repeat(9000),
      "..",
      "%2e%2e",
      "..%2f..%2fetc%2fpasswd",
      "%252e%252e%252f",
      "..%5c..%5cwindows",
      "\\..\\..\\etc",
      "%00",
      "abc%00def",
      "%c0%ae%c0%ae",
      "%ff%fe%fd",
      "%",
      "%zz",
      "%E4%BD%A0%E5%A5%BD",
      "%27%20OR%201%3D1--",
      "%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E",
      "%0d%0aSet-Cookie:%20x=1",
      "a;b=c",
      "%7B%7D");

  /** Static-file addresses that try to leave the web root or reach what is not meant to be served. */
  public static final List<String> STATIC_PATHS = List.of(
      "/console/../../etc/passwd",
      "/console/..%2f..%2fetc%2fpasswd",
      "/%2e%2e/%2e%2e/etc/passwd",
      "/console/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
      "/console/%252e%252e/%252e%252e/etc/passwd",
      "/console/..%252f..%252fetc%252fpasswd",
      "/console\\..\\..\\etc\\passwd",
      "/console/..%5c..%5c..%5cetc%5cpasswd",
      "/webroot/console/index.html",
      "/webroot/../pom.xml",
      "/..%2f..%2f..%2fetc%2fpasswd",
      "/vendor/../../../etc/passwd",
      "/vendor/..%2f..%2f..%2fetc%2fpasswd",
      "/vendor/%2e%2e/%2e%2e/pom.xml",
      "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
      "/console/%c0%af..%c0%af..%c0%afetc/passwd",
      "/console/%00",
      "/console/index.html%00.js",
      "/shared/%2e%2e/%2e%2e/pom.xml",
      "/org/pingyi/Main.class",
      "/logback.xml",
      "/openapi.yaml%00",
      "/db/migration/V001__foundation.sql",
      "/META-INF/MANIFEST.MF",
      "/.git/config",
      "/console/.env",
      "//etc/passwd",
      "/console//..//..//etc/passwd",
      "/%2fetc%2fpasswd",
      "/console/js/../../../pom.xml",
      "/vote/..;/..;/etc/passwd",
      "/console/%ff",
      "/console/%",
      "/C:/Windows/win.ini",
      "/console/....//....//etc/passwd",
      "/file:/etc/passwd",
      "/console/js/main.js/..%2f..%2f..%2fpom.xml");

  private HostilePayloads() {
  }
}
