package org.pingyi.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.ServerExtension;

/**
 * A body refused before it is read (too large, not JSON) must not leave its client stuck: a client that
 * writes its whole body before reading (most do) gets the JSON refusal, and one that sends far too much is
 * cut off after the refusal, instead of both waiting on a server that stopped reading. The bodies are larger
 * than any loopback socket buffer, so the kernel cannot hide a server that stopped reading.
 */
class OversizedBodyTest {
  private static final int SIX_MB = 6 * 1024 * 1024;

  @RegisterExtension
  static final ServerExtension server = new ServerExtension();

  @Test
  void aDeclaredBodyOverTheLimitIsReadToTheEndAndRefusedWith413() throws Exception {
    Exchange exchange = send("application/json", SIX_MB, false);

    assertThat(exchange.sentEverything()).isTrue();
    assertThat(exchange.response()).startsWith("HTTP/1.1 413");
    assertThat(jsonBody(exchange.response()).getString("error")).isEqualTo("payload_too_large");
  }

  @Test
  void aChunkedBodyOverTheLimitIsRefusedWith413() throws Exception {
    Exchange exchange = send("application/json", SIX_MB, true);

    assertThat(exchange.sentEverything()).isTrue();
    assertThat(exchange.response()).startsWith("HTTP/1.1 413");
  }

  @Test
  void aLargeBodyThatIsNotJsonIsReadToTheEndAndRefusedWith415() throws Exception {
    Exchange exchange = send("text/plain", SIX_MB, false);

    assertThat(exchange.sentEverything()).isTrue();
    assertThat(exchange.response()).startsWith("HTTP/1.1 415");
    assertThat(jsonBody(exchange.response()).getString("error")).isEqualTo("unsupported_media_type");
  }

  @Test
  void aClientSendingFarMoreThanAnyBallotIsCutOffAfterItsRefusal() throws Exception {
    Exchange exchange = send("application/json", 64 * 1024 * 1024, false);

    assertThat(exchange.sentEverything()).isFalse();
    assertThat(exchange.response()).startsWith("HTTP/1.1 413");
  }

  @Test
  void aRefusalOfARequestWithoutABodyKeepsTheConnectionForTheNextRequest() throws Exception {
    URI base = URI.create(server.baseUrl());
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET /no-such-file.js HTTP/1.1\r\nHost: localhost\r\n\r\n"
          + "GET /ping HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();

      String both = readToEnd(socket.getInputStream());

      assertThat(both).startsWith("HTTP/1.1 404");
      assertThat(both.substring(0, both.indexOf("\r\n\r\n")).toLowerCase()).doesNotContain("connection: close");
      assertThat(both.indexOf("HTTP/1.1 200")).as("the second request is answered on the same connection").isPositive();
    }
  }

  private record Exchange(boolean sentEverything, String response) {
  }

  /** Writes the whole request (on its own thread), then reads the answer to its end: within 20 s, or fails. */
  private static Exchange send(String contentType, int size, boolean chunked) throws Exception {
    URI base = URI.create(server.baseUrl());
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      CompletableFuture<Boolean> sent = new CompletableFuture<>();
      Thread writer = new Thread(() -> sent.complete(write(out, contentType, size, chunked)), "oversized-body-writer");
      writer.start();
      String response = readToEnd(socket.getInputStream());
      return new Exchange(sent.get(20, TimeUnit.SECONDS), response);
    }
  }

  private static boolean write(OutputStream out, String contentType, int size, boolean chunked) {
    String framing = chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + (size + 8);
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, (byte) 'x');
    try {
      out.write(("PUT /api/events/00000000-0000-0000-0000-000000000000 HTTP/1.1\r\nHost: localhost\r\n"
          + "Content-Type: " + contentType + "\r\n" + framing + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      writePart(out, "{\"a\":\"".getBytes(StandardCharsets.US_ASCII), chunked);
      for (int written = 0; written < size; written += chunk.length) writePart(out, chunk, chunked);
      writePart(out, "\"}".getBytes(StandardCharsets.US_ASCII), chunked);
      if (chunked) out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return true;
    } catch (IOException cutOff) {
      return false;
    }
  }

  private static void writePart(OutputStream out, byte[] part, boolean chunked) throws IOException {
    if (chunked) out.write((Integer.toHexString(part.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(part);
    if (chunked) out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  private static String readToEnd(InputStream in) throws IOException {
    ByteArrayOutputStream response = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) != -1; ) response.write(buffer, 0, n);
    } catch (java.net.SocketException reset) {
      // Cut off: what arrived before the reset is the answer.
    }
    return response.toString(StandardCharsets.UTF_8);
  }

  private static JsonObject jsonBody(String response) {
    return new JsonObject(response.substring(response.indexOf("\r\n\r\n") + 4));
  }
}
