package org.pingyi.http;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * One file of webroot/ as served: its type, its bytes, its gzip form when that is smaller, and an ETag for each
 * (two forms of one file are two representations, so they must not share one).
 *
 * @param revalidated a page: checked with the server on every load, so an upgrade is never half-seen
 */
record StaticFile(String contentType, Buffer plain, Buffer gzipped, String etag, String gzipEtag, boolean revalidated) {
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "json", "application/json; charset=utf-8",
      "svg", "image/svg+xml",
      "png", "image/png",
      "ico", "image/x-icon",
      "txt", "text/plain; charset=utf-8");

  static StaticFile of(String address, byte[] bytes) {
    String extension = address.substring(address.lastIndexOf('.') + 1);
    String type = TYPES.getOrDefault(extension, "application/octet-stream");
    byte[] gzipped = compressible(type) ? gzip(bytes) : null;
    if (gzipped != null && gzipped.length >= bytes.length) gzipped = null;
    String tag = digest(bytes);
    return new StaticFile(type, Buffer.buffer(bytes), gzipped == null ? null : Buffer.buffer(gzipped),
        "\"" + tag + "\"", "\"" + tag + "-gzip\"", "html".equals(extension));
  }

  private static boolean compressible(String type) {
    return type.startsWith("text/") || type.startsWith("application/json") || type.equals("image/svg+xml");
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION);
      }
    }) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
