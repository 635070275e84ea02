package org.pingyi.rawexport;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Text to UTF-8 bytes in a buffer of its own, handed to the stream in large pieces: what an OutputStreamWriter
 * behind a BufferedWriter does, without the charset encoder's per-call overhead. The bytes are the same: an
 * unpaired surrogate becomes '?', as the JDK's UTF-8 encoder replaces it. A string is encoded on its own, so a
 * surrogate pair must not be split between two calls (no caller writes half a character).
 */
final class Utf8Sink {
  private static final int BYTES = 64 * 1024;

  private final OutputStream out;
  private final byte[] buffer = new byte[BYTES];
  private int filled;

  Utf8Sink(OutputStream out) {
    this.out = out;
  }

  void write(char c) throws IOException {
    if (c < 0x80) {
      if (filled == BYTES) drain();
      buffer[filled++] = (byte) c;
    } else {
      write(String.valueOf(c));
    }
  }

  void write(String text) throws IOException {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      // Room for the longest character (4 bytes) without checking on every byte.
      if (filled > BYTES - 4) drain();
      char c = text.charAt(i);
      if (c < 0x80) {
        buffer[filled++] = (byte) c;
      } else if (c < 0x800) {
        buffer[filled++] = (byte) (0xC0 | (c >> 6));
        buffer[filled++] = (byte) (0x80 | (c & 0x3F));
      } else if (!Character.isSurrogate(c)) {
        buffer[filled++] = (byte) (0xE0 | (c >> 12));
        buffer[filled++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buffer[filled++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
        int codePoint = Character.toCodePoint(c, text.charAt(++i));
        buffer[filled++] = (byte) (0xF0 | (codePoint >> 18));
        buffer[filled++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
        buffer[filled++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
        buffer[filled++] = (byte) (0x80 | (codePoint & 0x3F));
      } else {
        buffer[filled++] = '?';
      }
    }
  }

  /** Bytes already encoded (a cell written once and kept). */
  void write(byte[] bytes) throws IOException {
    if (bytes.length > BYTES - filled) drain();
    if (bytes.length > BYTES) {
      out.write(bytes);
    } else {
      System.arraycopy(bytes, 0, buffer, filled, bytes.length);
      filled += bytes.length;
    }
  }

  /** Hands on what is buffered and flushes the stream (which stays open). */
  void flush() throws IOException {
    drain();
    out.flush();
  }

  private void drain() throws IOException {
    if (filled > 0) out.write(buffer, 0, filled);
    filled = 0;
  }
}
