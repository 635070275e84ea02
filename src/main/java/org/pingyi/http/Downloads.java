package org.pingyi.http;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;

/**
 * Headers of a file download: its type, a Chinese file name (RFC 6266 with the RFC 5987 {@code filename*}
 * form, an ASCII name for clients that know only {@code filename}) and no caching, since exports hold ballots.
 */
public final class Downloads {
  // What Windows refuses in a file name, and control characters, which no file system shows.
  private static final String REFUSED_IN_NAMES = "[\\\\/:*?\"<>|\\p{Cntrl}]";
  private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

  /** The media type of every workbook Pingyi sends (summary tables, raw ballots, registers, messages). */
  public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private Downloads() {
  }

  public static void attachment(RoutingContext ctx, String contentType, String asciiName, String name) {
    ctx.response()
        .putHeader("Content-Type", contentType)
        .putHeader("Content-Disposition", disposition(asciiName, name))
        .putHeader("Cache-Control", "no-store");
  }

  /** The one Content-Disposition of every download: the ASCII name, then the real one as RFC 5987 encodes it. */
  public static String disposition(String asciiName, String name) {
    return "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''" + percentEncoded(safeName(name));
  }

  /**
   * The end of a streamed download: a client that left is no failure (nobody is there to answer); any other
   * failure goes on, with the file's headers taken back if nothing was sent yet.
   */
  public static Future<Void> settled(RoutingContext ctx, Future<?> sending) {
    return sending.<Void>mapEmpty()
        .recover(failure -> failure instanceof ClientGone ? Future.succeededFuture() : failedBeforeBody(ctx, failure));
  }

  /**
   * After a failure: if nothing was sent yet, the error body goes out as JSON and must not be saved as the file.
   */
  public static <T> Future<T> failedBeforeBody(RoutingContext ctx, Throwable failure) {
    if (!ctx.response().headWritten()) {
      ctx.response().headers().remove("Content-Disposition").remove("Content-Type");
    }
    return Future.failedFuture(failure);
  }

  /** A title as part of a file name: the characters file systems refuse are dropped; blank becomes the fallback. */
  public static String fileTitle(String title, String fallback) {
    String cleaned = title.replaceAll(REFUSED_IN_NAMES, "").strip();
    return cleaned.isEmpty() ? fallback : cleaned;
  }

  /** A name any file system accepts: the characters Windows refuses become "_". */
  static String safeName(String name) {
    String cleaned = name.replaceAll(REFUSED_IN_NAMES, "_").strip();
    return cleaned.isEmpty() ? "download" : cleaned;
  }

  static String percentEncoded(String name) {
    StringBuilder out = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      if (UNRESERVED.indexOf(b) >= 0) {
        out.append((char) b);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
      }
    }
    return out.toString();
  }
}
