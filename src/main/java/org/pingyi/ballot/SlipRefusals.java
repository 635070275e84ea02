package org.pingyi.ballot;

import org.pingyi.http.AppError;

/** Why a slip cannot be used now: each case its own status and code, so the voter's page can say which. */
final class SlipRefusals {

  private SlipRefusals() {
  }

  static AppError unknown() {
    return AppError.notFound("slip_unknown", "未找到这张票签，请核对二维码，或向工作人员询问");
  }

  static AppError voided() {
    return AppError.of(410, "slip_void", "此票签已作废，请向工作人员询问");
  }

  static AppError used() {
    return AppError.conflict("slip_used", "该票已提交");
  }

  static AppError notOpen() {
    return AppError.of(403, "event_not_open", "投票尚未开始，请等候主持人宣布开始后再试");
  }

  static AppError closed() {
    return AppError.of(403, "event_closed", "投票已结束");
  }
}
