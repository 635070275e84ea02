package org.pingyi.archive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA256SUMS: one line per file, "&lt;hex&gt;  &lt;name&gt;", the format {@code sha256sum -c} reads, so that anyone
 * can check the zip with standard tools; the SHA-256 of this text is the one written on the paper record.
 */
final class Manifest {
  static final String FILE_NAME = "SHA256SUMS";
  private static final HexFormat HEX = HexFormat.of();

  /** One checked file. */
  record Line(String name, String sha256) {
  }

  private final List<Line> lines = new ArrayList<>();

  void add(String name, byte[] sha256) {
    lines.add(new Line(name, HEX.formatHex(sha256)));
  }

  String text() {
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append(line.sha256()).append("  ").append(line.name()).append('\n'));
    return text.toString();
  }

  static List<Line> parse(String text) {
    List<Line> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.length() > 66) lines.add(new Line(line.substring(66), line.substring(0, 64)));
    }
    return lines;
  }

  static String sha256(String text) {
    return HEX.formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
