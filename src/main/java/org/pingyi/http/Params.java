package org.pingyi.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Path and query parameters, parsed or refused with a 400/404 that names them. */
public final class Params {
  private static final Pattern ENCODED_CONTROL = Pattern.compile("%(?:[01][0-9a-fA-F]|7[fF])");

  private Params() {
  }

  /**
   * Refuses (404) an address whose path encodes a control character before any route reads it: such a path
   * names nothing, and a NUL in a path parameter would reach PostgreSQL, which refuses it in text.
   */
  public static Handler<RoutingContext> refuseControlCharacters() {
    return ctx -> {
      String path = ctx.request().path();
      if (path.indexOf('%') >= 0 && ENCODED_CONTROL.matcher(path).find()) {
        throw AppError.of(ErrorCode.NOT_FOUND);
      }
      ctx.next();
    };
  }

  /** A path id that is not a UUID cannot name anything: 404, like an id that does not exist. */
  public static UUID pathUuid(RoutingContext ctx, String name, ErrorCode notFound) {
    try {
      return UUID.fromString(ctx.pathParam(name));
    } catch (IllegalArgumentException e) {
      throw AppError.of(notFound);
    }
  }

  /** The {@code :eventId} of a path; every feature's routes under {@code /api/events/:eventId} read it so. */
  public static UUID eventId(RoutingContext ctx) {
    return pathUuid(ctx, "eventId", ErrorCode.EVENT_NOT_FOUND);
  }

  public static Optional<UUID> optionalUuid(RoutingContext ctx, String name) {
    String value = ctx.queryParams().get(name);
    if (value == null || value.isBlank()) return Optional.empty();
    try {
      return Optional.of(UUID.fromString(value));
    } catch (IllegalArgumentException e) {
      throw AppError.invalidField(name, "不是有效的编号");
    }
  }

  public static Optional<Long> optionalLong(RoutingContext ctx, String name) {
    String value = ctx.queryParams().get(name);
    if (value == null || value.isBlank()) return Optional.empty();
    try {
      return Optional.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw AppError.invalidField(name, "必须是整数");
    }
  }
}
