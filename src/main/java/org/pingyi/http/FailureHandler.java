package org.pingyi.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.pgclient.PgException;
import java.util.LinkedHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where every failure becomes the JSON error body {error, message, fields}. */
public final class FailureHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.failure() instanceof io.vertx.core.http.HttpClosedException) return;
    respond(ctx, toAppError(ctx, -1));
  }

  /**
   * For the router's error handlers: a request refused before any route ran (an address that cannot be
   * decoded) carries no status of its own, so the status the handler is registered for is used, and the
   * security headers, which no route has added, are added here.
   */
  public Handler<RoutingContext> forStatus(int status) {
    return ctx -> {
      if (!ctx.response().headWritten()) SecurityHeaders.addTo(ctx.response().headers());
      respond(ctx, toAppError(ctx, status));
    };
  }

  private static void respond(RoutingContext ctx, AppError error) {
    HttpServerResponse response = ctx.response();
    // The client left (a ballot cut off mid-body): there is no one to answer, and no server fault to log.
    if (response.closed()) return;
    if (response.headWritten()) {
      response.reset();
      return;
    }
    UnreadBody unread = UnreadBody.beforeAnswering(ctx);
    if (error.retryAfterSeconds() != null) {
      response.putHeader("Retry-After", String.valueOf(error.retryAfterSeconds()));
    }
    if (error.allow() != null) response.putHeader("Allow", error.allow());
    JsonObject body = new JsonObject()
        .put("error", error.code())
        .put("message", error.getMessage())
        .put("fields", new JsonObject(new LinkedHashMap<String, Object>(error.fields())));
    Future<Void> answered = response.setStatusCode(error.status())
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
    if (unread != null) unread.closeAfter(answered);
  }

  private static AppError toAppError(RoutingContext ctx, int registeredStatus) {
    Throwable failure = ctx.failure();
    if (failure instanceof AppError appError) return appError;
    if (failure instanceof DecodeException) {
      return AppError.of(ErrorCode.INVALID_JSON);
    }
    if (failure instanceof PgException pg && isUnavailable(pg)) {
      return AppError.unavailable("数据库暂时不可用，请稍后重试", 5);
    }
    int status = failure instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
    if (status == -1 && failure == null) status = registeredStatus;
    return switch (status) {
      case 400 -> AppError.of(ErrorCode.BAD_REQUEST);
      case 401 -> AppError.of(ErrorCode.UNAUTHORIZED);
      case 403 -> AppError.of(ErrorCode.FORBIDDEN);
      case 404 -> AppError.of(ErrorCode.NOT_FOUND);
      case 405 -> AppError.of(ErrorCode.METHOD_NOT_ALLOWED);
      case 413 -> AppError.of(ErrorCode.PAYLOAD_TOO_LARGE);
      case 415 -> AppError.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "请求体必须是 JSON");
      // The body handler's answer to an Expect other than 100-continue.
      case 417 -> AppError.of(ErrorCode.EXPECTATION_FAILED);
      default -> unexpected(ctx, failure);
    };
  }

  private static boolean isUnavailable(PgException pg) {
    String state = pg.getSqlState();
    // Connection failures, shutdown, a missing database, exhausted resources: an outage, not a bug.
    return state != null && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("3D")
        || state.startsWith("53"));
  }

  private static AppError unexpected(RoutingContext ctx, Throwable failure) {
    if (failure != null && isConnectionFailure(failure)) {
      return AppError.unavailable("数据库暂时不可用，请稍后重试", 5);
    }
    LOG.error("Unexpected failure on {} {}", ctx.request().method(), RequestLog.safePath(ctx), failure);
    return AppError.of(ErrorCode.INTERNAL_ERROR);
  }

  private static boolean isConnectionFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      // A database going away resets its sockets mid-statement (seen when PostgreSQL restarts under load).
      if (t instanceof java.net.SocketException || t instanceof java.nio.channels.ClosedChannelException
          || t instanceof io.vertx.sqlclient.ClosedConnectionException
          || t.getClass().getName().equals("io.netty.channel.unix.Errors$NativeIoException")) {
        return true;
      }
    }
    return false;
  }
}
