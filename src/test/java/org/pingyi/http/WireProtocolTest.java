package org.pingyi.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.LogCapture;
import org.pingyi.support.RawHttp;
import org.pingyi.support.RawHttp.Exchange;
import org.pingyi.support.RawHttp.Response;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Slow;

/**
 * Requests malformed at the protocol level (issue 17), each written to a raw socket: refused with a 4xx and the
 * JSON error body, or closed where HTTP leaves nothing to answer; never a 5xx, and never a fault in the log.
 */
@Slow
class WireProtocolTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();

  @Test
  void anExpectationOtherThan100ContinueIs417WithTheJsonError() {
    for (String path : List.of("/api/events", "/api/v/Zm9yZ2VkLXRva2VuLXRoYXQtd2FzLW5ldmVyLWlzc3Vl")) {
      Response answer = sendAlarmFree("POST " + path + " HTTP/1.1\r\nHost: x\r\nExpect: 999-bogus\r\n"
          + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}").only();

      assertThat(answer.status()).isEqualTo(417);
      assertThat(answer.json().getString("error")).isEqualTo("expectation_failed");
    }
  }

  @Test
  void aVersionOtherThanHttp10Or11Is400WithTheJsonErrorAndSecurityHeadersNotABare501() {
    for (String version : List.of("HTTP/9.9", "HTTP/1.2", "HTTP/2.0", "http/1.1")) {
      Exchange exchange = sendAlarmFree("GET /health " + version + "\r\nHost: x\r\n\r\n");

      assertThat(exchange.only().status()).as(version).isEqualTo(400);
      assertThat(exchange.only().json().getString("error")).isEqualTo("unsupported_http_version");
      assertThat(exchange.only().header("Content-Security-Policy")).contains("default-src 'self'");
      assertThat(exchange.closed()).isTrue();
    }
  }

  @Test
  void aChunkSizeThatIsNotANumberOrOverflowsIs400AndTheConnectionClosed() {
    for (String size : List.of("zz", "fffffffffffffffffff")) {
      Exchange exchange = sendAlarmFree("POST /api/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n" + size + "\r\n{}\r\n0\r\n\r\n");

      assertThat(exchange.only().status()).as(size).isEqualTo(400);
      assertThat(exchange.only().json().getString("error")).isEqualTo("malformed_body");
      assertThat(exchange.closed()).isTrue();
    }
  }

  /**
   * A proxy that frames by Content-Length passes the whole thing as one request; read as chunked, it held a second
   * request, which was answered too. Now the message is refused and nothing after it is read.
   */
  @Test
  void bothContentLengthAndChunkedAre400AndWhatFollowsIsNeverRead() {
    String smuggled = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n";
    Exchange exchange = sendAlarmFree("POST /api/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + (5 + smuggled.length()) + "\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + smuggled);

    assertThat(exchange.only().status()).isEqualTo(400);
    assertThat(exchange.only().json().getString("error")).isEqualTo("ambiguous_length");
    assertThat(exchange.closed()).isTrue();
  }

  @Test
  void anHttp2PrefaceFollowedByJunkIsRefusedWithoutAnErrorInTheLog() {
    Exchange exchange = sendAlarmFree("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\nthis is not a frame at all\r\n\r\n");

    assertThat(exchange.closed()).isTrue();
    assertThat(exchange.responses()).allSatisfy(r -> assertThat(r.status()).isEqualTo(400));
  }

  /** Browsers use HTTP/2 only over TLS; cleartext HTTP/2 is off, so an upgrade offer is simply not taken. */
  @Test
  void anH2cUpgradeOfferIsAnsweredInHttp1() {
    Exchange exchange = sendAlarmFree("GET /health HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, HTTP2-Settings, close\r\n"
        + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n");

    assertThat(exchange.only().status()).isEqualTo(200);
    assertThat(exchange.only().header("Upgrade")).isNull();
  }

  /** Sends the bytes and checks that nothing alarming (a warning, an error, a stack trace) was logged meanwhile. */
  private static Exchange sendAlarmFree(String request) {
    int before = LogCapture.alarms().size();
    Exchange exchange = RawHttp.send(URI.create(server.baseUrl()).getPort(), request);
    // The server logs a failure before it answers, and each exchange here ends with the server closing: whatever
    // it logged for this request is in by now.
    List<String> alarms = LogCapture.alarms();
    assertThat(alarms.subList(before, alarms.size())).as("logged while answering %s", request).isEmpty();
    return exchange;
  }
}
