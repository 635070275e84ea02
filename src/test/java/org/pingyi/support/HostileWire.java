package org.pingyi.support;

import java.util.ArrayList;
import java.util.List;
import org.pingyi.support.RawHttp.Exchange;
import org.pingyi.support.RawHttp.Response;

/**
 * The hostile corpus below HTTP's surface (issue 17): requests no HTTP client library would send, written to a raw
 * socket. Each must be refused with a 4xx and the JSON error body, security headers included, or met with a clean
 * close where HTTP leaves nothing to answer; never a 5xx, never a bare status.
 */
public final class HostileWire {
  /** One request as bytes on the wire. */
  public record Case(String label, String request) {
  }

  private static final String JSON = "Content-Type: application/json\r\n";

  private HostileWire() {
  }

  /** The cases, aimed at a real slip address where a token fits. */
  public static List<Case> cases(String token) {
    List<Case> cases = new ArrayList<>();
    for (String path : List.of("/api/events", "/api/v/" + token)) {
      cases.add(new Case("Expect: 999-bogus on " + path, "POST " + path + " HTTP/1.1\r\nHost: x\r\nExpect: 999-bogus\r\n"
          + JSON + "Content-Length: 2\r\n\r\n{}"));
      cases.add(new Case("Content-Length and chunked on " + path, "POST " + path + " HTTP/1.1\r\nHost: x\r\n" + JSON
          + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"));
      cases.add(new Case("chunked and Content-Length on " + path, "POST " + path + " HTTP/1.1\r\nHost: x\r\n" + JSON
          + "Transfer-Encoding: chunked\r\nContent-Length: 0\r\n\r\n2\r\n{}\r\n0\r\n\r\n"));
      for (String size : List.of("zz", "fffffffffffffffffff", "-1", "0x2", "2;" + "x".repeat(9000))) {
        cases.add(new Case("chunk size " + size.substring(0, Math.min(size.length(), 20)) + " on " + path, "POST " + path
            + " HTTP/1.1\r\nHost: x\r\n" + JSON + "Transfer-Encoding: chunked\r\n\r\n" + size + "\r\n{}\r\n0\r\n\r\n"));
      }
      cases.add(new Case("two different lengths on " + path, "POST " + path + " HTTP/1.1\r\nHost: x\r\n" + JSON
          + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{} "));
    }
    for (String version : List.of("HTTP/9.9", "HTTP/1.2", "HTTP/2.0", "http/1.1", "HTTP/1", "HTTP/0.9", "HTTP/1.1 x")) {
      cases.add(new Case("request line ending " + version, "GET /health " + version + "\r\nHost: x\r\n\r\n"));
    }
    cases.add(new Case("HTTP/2 preface then junk", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\nthis is not a frame at all\r\n\r\n"));
    cases.add(new Case("HTTP/2 preface then SETTINGS", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\0\0\0\4\0\0\0\0\0"));
    return cases;
  }

  /** Sends every case on a connection of its own; returns one line per broken promise. */
  public static List<String> violations(int port, List<Case> cases) {
    List<String> violations = new ArrayList<>();
    for (Case c : cases) {
      Exchange exchange = RawHttp.send(port, c.request());
      String problem = problem(exchange);
      if (problem != null) violations.add(c.label() + " → " + problem + ": " + exchange.raw().replace("\r\n", " | "));
    }
    return violations;
  }

  private static String problem(Exchange exchange) {
    if (!exchange.closed()) return "the connection was left open after a request that cannot be read on from";
    for (Response r : exchange.responses()) {
      if (r.status() < 400 || r.status() >= 500) return "answered " + r.status();
      if (r.header("Content-Security-Policy") == null) return "no security headers";
      try {
        var error = r.json();
        if (error.getString("error") == null || error.getString("message") == null || error.getJsonObject("fields") == null) {
          return "error body lacks error, message or fields";
        }
      } catch (RuntimeException e) {
        return "error body is not JSON";
      }
    }
    return null;
  }
}
