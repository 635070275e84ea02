package org.pingyi.ballot;

import java.util.Map;
import org.pingyi.http.AppError;

/**
 * Why a slip cannot be used now: each case its own status and code, so the voter's page can say which. Where the
 * slip was found, {@code fields.event} names its event, so that the page can say which meeting the slip is for:
 * its holder has seen that on the paper already.
 */
final class SlipRefusals {

  private SlipRefusals() {
  }

  static AppError unknown() {
    return AppError.notFound("slip_unknown", "未找到这张票签，请核对二维码，或向工作人员询问");
  }

  static AppError voided(String eventTitle) {
    return AppError.of(410, "slip_void", "此票签已作废，请向工作人员询问", event(eventTitle));
  }

  /** Registered 未收回 after the close: it was never used, and never can be. */
  static AppError unreturned(String eventTitle) {
    return AppError.of(410, "slip_unreturned", "此票签已登记为未收回，不能再投票，请向工作人员询问", event(eventTitle));
  }

  static AppError used(String eventTitle) {
    return AppError.conflict("slip_used", "这张票签已经提交过选票", event(eventTitle));
  }

  static AppError notOpen(String eventTitle) {
    return AppError.of(403, "event_not_open", "投票尚未开始，请等候主持人宣布开始后再试", event(eventTitle));
  }

  static AppError closed(String eventTitle) {
    return AppError.of(403, "event_closed", "投票已结束", event(eventTitle));
  }

  private static Map<String, String> event(String title) {
    return title == null ? Map.of() : Map.of("event", title);
  }
}
