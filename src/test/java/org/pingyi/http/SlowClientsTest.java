package org.pingyi.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.LogCapture;
import org.pingyi.support.RawHttp;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Slow;

/**
 * Slow clients (issue 17): a hundred connections trickling a request head or body a byte at a time were all held
 * until the 60-second idle timeout, which every byte restarts. Now a request must arrive within the read limit
 * (two seconds here), and one address holds at most so many connections; time between requests is not limited.
 */
@Slow
class SlowClientsTest {
  private static final int CAP = 150;

  @RegisterExtension
  static final ServerExtension server = new ServerExtension(c -> c.withConnectionLimits(
      new ConnectionLimits(CAP, Duration.ofSeconds(2))));

  @Test
  void aHundredConnectionsTricklingAHeadAreAllClosedAtTheReadDeadline() throws Exception {
    List<Socket> tricklers = open(100, "GET /health HTTP/1.1\r\nHost: x\r\n");

    long started = System.nanoTime();
    List<Socket> stillOpen = trickleUntilClosed(tricklers, Duration.ofSeconds(12));

    assertThat(stillOpen).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
    assertThat(server.api().get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void aHundredConnectionsTricklingABodyAreAllClosedAtTheReadDeadline() throws Exception {
    List<Socket> tricklers = open(100, "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + "Content-Length: 1000\r\n\r\n{");

    List<Socket> stillOpen = trickleUntilClosed(tricklers, Duration.ofSeconds(12));

    assertThat(stillOpen).isEmpty();
  }

  /** Four KiB over about three seconds, past the two-second limit: a steady client earns a second per KiB. */
  @Test
  void aSlowButSteadyBodyIsReadToTheEnd() throws Exception {
    String body = "{\"username\":\"admin\",\"password\":\"" + "x".repeat(4000) + "\"}";
    try (Socket socket = new Socket("127.0.0.1", port())) {
      socket.getOutputStream().write(("POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + body.length() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      for (int at = 0; at < body.length(); at += 512) {
        socket.getOutputStream().write(body.substring(at, Math.min(at + 512, body.length())).getBytes(StandardCharsets.US_ASCII));
        Thread.sleep(400);
      }

      assertThat(statusLine(socket)).startsWith("HTTP/1.1 4").doesNotContain("408");
    }
  }

  /** A phone keeps its connection between a page and its ballot: the pause is the idle timeout's, not a deadline. */
  @Test
  void aKeptAliveConnectionMayPauseBetweenRequestsLongerThanTheReadLimit() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port())) {
      for (int i = 0; i < 2; i++) {
        socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(statusLine(socket)).isEqualTo("HTTP/1.1 200 OK");
        Thread.sleep(3_000);
      }
    }
  }

  @Test
  void anAddressBeyondItsCapIsRefusedAtOnceAndWarnedOfWithoutTheAddress() throws Exception {
    int alarmsBefore = LogCapture.alarms().size();
    List<Socket> held = open(CAP, "");
    try {
      Thread.sleep(300);
      try (Socket refused = new Socket("127.0.0.1", port())) {
        refused.setSoTimeout(5_000);
        assertThat(refused.getInputStream().read()).as("closed without an answer").isEqualTo(-1);
      }
      held.remove(0).close();
      Thread.sleep(300);
      try (Socket admitted = new Socket("127.0.0.1", port())) {
        admitted.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(statusLine(admitted)).isEqualTo("HTTP/1.1 200 OK");
      }
    } finally {
      for (Socket socket : held) socket.close();
    }
    List<String> alarms = LogCapture.alarms();
    assertThat(alarms.subList(alarmsBefore, alarms.size())).singleElement().asString()
        .contains("PINGYI_MAX_CONNECTIONS_PER_ADDRESS").doesNotContain("127.0.0.1");
  }

  private static List<Socket> open(int count, String start) throws IOException {
    List<Socket> sockets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Socket socket = new Socket("127.0.0.1", port());
      socket.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
      sockets.add(socket);
    }
    return sockets;
  }

  /** Writes one byte a second to every socket until the server has closed each, or the time is up; returns those left. */
  private static List<Socket> trickleUntilClosed(List<Socket> sockets, Duration patience) throws Exception {
    List<Socket> open = new ArrayList<>(sockets);
    long end = System.nanoTime() + patience.toNanos();
    while (!open.isEmpty() && System.nanoTime() < end) {
      open.removeIf(SlowClientsTest::trickleOrClosed);
      Thread.sleep(1_000);
    }
    for (Socket socket : sockets) socket.close();
    return open;
  }

  private static boolean trickleOrClosed(Socket socket) {
    try {
      socket.setSoTimeout(1);
      try {
        if (socket.getInputStream().read() == -1) return true;
      } catch (SocketTimeoutException stillOpen) {
        // nothing to read yet: the server holds the connection
      }
      socket.getOutputStream().write('x');
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  private static String statusLine(Socket socket) throws IOException {
    socket.setSoTimeout(10_000);
    return RawHttp.readAnswer(socket.getInputStream()).statusLine();
  }

  private static int port() {
    return URI.create(server.baseUrl()).getPort();
  }
}
