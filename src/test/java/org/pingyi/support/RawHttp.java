package org.pingyi.support;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes bytes to the server exactly as given, over a plain socket, and reads everything it answers until it closes. */
public final class RawHttp {
  private RawHttp() {
  }

  /** One answer on the wire: its status line's code (0: not an HTTP/1 answer), headers (names lower case) and body. */
  public record Response(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public JsonObject json() {
      return new JsonObject(body);
    }
  }

  /** Every answer read before the server closed the connection (none if it just closed), and whether it did. */
  public record Exchange(List<Response> responses, boolean closed, String raw) {
    public Response only() {
      if (responses.size() != 1) throw new AssertionError("expected one answer, got " + responses.size() + ":\n" + raw);
      return responses.get(0);
    }
  }

  /** Sends the text (ISO-8859-1: one char, one byte) and reads until the server closes or 10 s of silence. */
  public static Exchange send(int port, String request) {
    return send(port, request.getBytes(StandardCharsets.ISO_8859_1));
  }

  public static Exchange send(int port, byte[] request) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      ByteArrayOutputStream in = new ByteArrayOutputStream();
      boolean closed = readUntilClosed(socket.getInputStream(), in);
      String raw = in.toString(StandardCharsets.UTF_8);
      return new Exchange(parse(in.toByteArray()), closed, raw);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads until end of stream (true) or a read timeout (false); a reset after the answer counts as closed. */
  static boolean readUntilClosed(InputStream in, ByteArrayOutputStream into) throws IOException {
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) > 0; ) into.write(buffer, 0, n);
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (SocketException reset) {
      return true;
    }
  }

  /** One answer read off a kept-alive connection: its status line, its head and its body (by Content-Length). */
  public record Answer(String statusLine, String head, String body) {
  }

  /** Reads exactly one answer, leaving the connection at the start of the next. */
  public static Answer readAnswer(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    // The last four bytes read, as one int: the head ends at CR LF CR LF.
    for (int last = 0; last != 0x0d0a0d0a; ) {
      int c = in.read();
      if (c == -1) throw new IOException("closed after " + head.toString(StandardCharsets.ISO_8859_1));
      head.write(c);
      last = last << 8 | c;
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)\r\ncontent-length:\\s*(\\d+)").matcher(text);
    byte[] body = in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
    return new Answer(text.substring(0, text.indexOf("\r\n")), text, new String(body, StandardCharsets.UTF_8));
  }

  /** Splits what came back into answers, each framed by its Content-Length (the server sends no chunked errors). */
  static List<Response> parse(byte[] bytes) {
    List<Response> responses = new ArrayList<>();
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int at = 0;
    while (at < text.length()) {
      int headEnd = text.indexOf("\r\n\r\n", at);
      if (headEnd < 0 || !text.startsWith("HTTP/", at)) {
        // Not HTTP/1 (an HTTP/2 frame, say): status 0 marks it, with what came as its body.
        responses.add(new Response(0, Map.of(), text.substring(at)));
        break;
      }
      String[] lines = text.substring(at, headEnd).split("\r\n");
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
      }
      int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
      int bodyStart = headEnd + 4;
      String body = new String(bytes, bodyStart, Math.min(length, bytes.length - bodyStart), StandardCharsets.UTF_8);
      responses.add(new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, body));
      at = bodyStart + length;
    }
    return responses;
  }
}
