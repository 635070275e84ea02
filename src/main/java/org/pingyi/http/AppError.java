package org.pingyi.http;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure the client can act on: an {@link ErrorCode} (which fixes the HTTP status), a human message
 * (Chinese) and field errors where input was wrong. {@link FailureHandler} is the one place that turns it
 * into a response.
 */
public final class AppError extends RuntimeException {
  private final ErrorCode code;
  private final Map<String, String> fields;
  private final Integer retryAfterSeconds;
  private final String allow;

  private AppError(ErrorCode code, String message, Map<String, String> fields, Integer retryAfter, String allow) {
    super(message, null, false, false);
    this.code = code;
    // Kept in the order given: the first field is the first problem the user meets.
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    this.retryAfterSeconds = retryAfter;
    this.allow = allow;
  }

  /** The code with its default message. */
  public static AppError of(ErrorCode code) {
    return of(code, code.message());
  }

  /** The code with a message more specific than its default (naming the slip, the count, the step). */
  public static AppError of(ErrorCode code, String message) {
    return of(code, message, Map.of());
  }

  /** The code's default message, with fields (such as the event a refused slip belongs to). */
  public static AppError of(ErrorCode code, Map<String, String> fields) {
    return of(code, code.message(), fields);
  }

  public static AppError of(ErrorCode code, String message, Map<String, String> fields) {
    return new AppError(code, message, fields, null, null);
  }

  /** 405: the address exists but does not take this method; the answer's Allow header lists those it does. */
  public static AppError methodNotAllowed(Collection<String> allowed) {
    String allow = String.join(", ", allowed);
    return new AppError(ErrorCode.METHOD_NOT_ALLOWED, "此地址不支持该请求方法（支持 " + allow + "）", Map.of(), null,
        allow);
  }

  public static AppError invalidInput(String message, Map<String, String> fields) {
    return of(ErrorCode.INVALID_INPUT, message, fields);
  }

  public static AppError invalidField(String field, String message) {
    return invalidInput(message, Map.of(field, message));
  }

  public static AppError tooManyRequests(String message, int retryAfterSeconds) {
    return new AppError(ErrorCode.TOO_MANY_ATTEMPTS, message, Map.of(), retryAfterSeconds, null);
  }

  public static AppError unavailable(String message, int retryAfterSeconds) {
    return new AppError(ErrorCode.UNAVAILABLE, message, Map.of(), retryAfterSeconds, null);
  }

  public ErrorCode errorCode() {
    return code;
  }

  public int status() {
    return code.status();
  }

  /** The wire name, the JSON "error". */
  public String code() {
    return code.wireName();
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
