package org.pingyi.vote;

import java.util.Map;
import org.pingyi.http.AppError;
import org.pingyi.http.ErrorCode;

/**
 * Why a slip cannot be used now: each case its own status and code, so the voter's page can say which. Where the
 * slip was found, {@code fields.event} names its event, so that the page can say which meeting the slip is for:
 * its holder has seen that on the paper already.
 */
final class SlipRefusals {

  private SlipRefusals() {
  }

  static AppError unknown() {
    return AppError.of(ErrorCode.SLIP_UNKNOWN);
  }

  static AppError voided(String eventTitle) {
    return AppError.of(ErrorCode.SLIP_VOID, event(eventTitle));
  }

  /** Registered 未收回 after the close: it was never used, and never can be. */
  static AppError unreturned(String eventTitle) {
    return AppError.of(ErrorCode.SLIP_UNRETURNED, event(eventTitle));
  }

  static AppError used(String eventTitle) {
    return AppError.of(ErrorCode.SLIP_USED, event(eventTitle));
  }

  static AppError notOpen(String eventTitle) {
    return AppError.of(ErrorCode.EVENT_NOT_OPEN, event(eventTitle));
  }

  static AppError closed(String eventTitle) {
    return AppError.of(ErrorCode.EVENT_CLOSED, event(eventTitle));
  }

  private static Map<String, String> event(String title) {
    return title == null ? Map.of() : Map.of("event", title);
  }
}
