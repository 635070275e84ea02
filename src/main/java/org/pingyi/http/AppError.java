package org.pingyi.http;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure the client can act on: an HTTP status, a stable code and a human message (Chinese), with
 * field errors where input was wrong. {@link FailureHandler} is the one place that turns it into a response.
 */
public final class AppError extends RuntimeException {
  private final int status;
  private final String code;
  private final Map<String, String> fields;
  private final Integer retryAfterSeconds;
  private final String allow;

  private AppError(int status, String code, String message, Map<String, String> fields, Integer retryAfter,
                   String allow) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    // Kept in the order given: the first field is the first problem the user meets.
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    this.retryAfterSeconds = retryAfter;
    this.allow = allow;
  }

  private AppError(int status, String code, String message, Map<String, String> fields, Integer retryAfter) {
    this(status, code, message, fields, retryAfter, null);
  }

  /** For statuses without a factory of their own (413, 415, 500; a 405 the router raised, which has no Allow). */
  public static AppError of(int status, String code, String message) {
    return new AppError(status, code, message, Map.of(), null);
  }

  public static AppError of(int status, String code, String message, Map<String, String> fields) {
    return new AppError(status, code, message, fields, null);
  }

  /** 405: the address exists but does not take this method; the answer's Allow header lists those it does. */
  public static AppError methodNotAllowed(Collection<String> allowed) {
    String allow = String.join(", ", allowed);
    return new AppError(405, "method_not_allowed", "此地址不支持该请求方法（支持 " + allow + "）", Map.of(), null, allow);
  }

  public static AppError invalidInput(String message, Map<String, String> fields) {
    return new AppError(400, "invalid_input", message, fields, null);
  }

  public static AppError invalidField(String field, String message) {
    return invalidInput(message, Map.of(field, message));
  }

  public static AppError badRequest(String code, String message) {
    return new AppError(400, code, message, Map.of(), null);
  }

  public static AppError unauthorized(String code, String message) {
    return new AppError(401, code, message, Map.of(), null);
  }

  public static AppError forbidden(String message) {
    return forbidden("forbidden", message);
  }

  /** A 403 the client must tell apart from a missing role, such as a password still to be changed. */
  public static AppError forbidden(String code, String message) {
    return new AppError(403, code, message, Map.of(), null);
  }

  public static AppError notFound(String code, String message) {
    return new AppError(404, code, message, Map.of(), null);
  }

  public static AppError conflict(String code, String message) {
    return new AppError(409, code, message, Map.of(), null);
  }

  public static AppError conflict(String code, String message, Map<String, String> fields) {
    return new AppError(409, code, message, fields, null);
  }

  public static AppError tooManyRequests(String message, int retryAfterSeconds) {
    return new AppError(429, "too_many_attempts", message, Map.of(), retryAfterSeconds);
  }

  public static AppError unavailable(String message, int retryAfterSeconds) {
    return new AppError(503, "unavailable", message, Map.of(), retryAfterSeconds);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Map<String, String> fields() {
    return fields;
  }

  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The methods the address takes (405 only), else null. */
  public String allow() {
    return allow;
  }
}
