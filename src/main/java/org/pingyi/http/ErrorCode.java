package org.pingyi.http;

/**
 * Every error the API answers with: its wire name (the JSON "error", a contract with clients that never
 * changes), its HTTP status and its default Chinese message. One code has one status, wherever it is raised;
 * a call site may give a more specific message (naming the slip, the count), never another status.
 */
public enum ErrorCode {
  // 400: the request itself is wrong; resending it unchanged cannot succeed.
  INVALID_INPUT(400, "invalid_input", "输入有误"),
  INVALID_JSON(400, "invalid_json", "请求体不是有效的 JSON"),
  BAD_REQUEST(400, "bad_request", "请求格式不正确"),
  UNSUPPORTED_HTTP_VERSION(400, "unsupported_http_version", "只支持 HTTP/1.1 和 HTTP/1.0 请求"),
  AMBIGUOUS_LENGTH(400, "ambiguous_length", "请求不能同时带 Content-Length 和 Transfer-Encoding"),
  MALFORMED_BODY(400, "malformed_body", "请求体的分块编码不正确"),
  CHALLENGE_EXPIRED(400, "challenge_expired", "页面停留时间过长，验证已过期，请重新提交"),
  PROOF_INVALID(400, "proof_invalid", "页面验证未通过，请刷新页面后重新提交"),
  PROOF_USED(400, "proof_used", "这次验证已经用过，请刷新页面后重新提交"),

  // 401: who is asking is unknown or no longer valid.
  UNAUTHORIZED(401, "unauthorized", "请先登录"),
  INVALID_CREDENTIALS(401, "invalid_credentials", "用户名或密码不正确"),
  TOKEN_EXPIRED(401, "token_expired", "登录已过期，请重新登录"),
  INVALID_TOKEN(401, "invalid_token", "登录凭证无效，请重新登录"),
  ACCOUNT_DISABLED(401, "account_disabled", "账户已停用或不存在"),
  INVALID_SCREEN_KEY(401, "invalid_screen_key", "大屏链接无效或已被收回"),

  // 403: known, but not allowed (now).
  FORBIDDEN(403, "forbidden", "无权执行此操作"),
  PASSWORD_CHANGE_REQUIRED(403, "password_change_required", "请先修改初始密码，然后才能继续使用"),
  /** A phone's slip whose event has not started: the voter must wait, not retry with other input. */
  EVENT_NOT_OPEN(403, "event_not_open", "投票尚未开始，请等候主持人宣布开始后再试"),
  EVENT_CLOSED(403, "event_closed", "投票已结束"),

  // 404: nothing by that name (a malformed id names nothing either).
  NOT_FOUND(404, "not_found", "请求的资源不存在"),
  EVENT_NOT_FOUND(404, "event_not_found", "活动不存在"),
  FORM_NOT_FOUND(404, "form_not_found", "表单不存在"),
  ACCOUNT_NOT_FOUND(404, "account_not_found", "账户不存在"),
  /** A phone's token that names no slip (the voter's own words: "this QR code"). */
  SLIP_UNKNOWN(404, "slip_unknown", "未找到这张票签，请核对二维码，或向工作人员询问"),
  /** A serial number staff typed that names no slip. */
  SLIP_NOT_FOUND(404, "slip_not_found", "没有这个票签编号"),
  ENTRY_NOT_FOUND(404, "entry_not_found", "没有这条录入记录"),
  BOARD_NOT_FOUND(404, "board_not_found", "没有这份回执码名单：投票结束后才公布，或地址有误"),
  SCREEN_LINK_NOT_FOUND(404, "screen_link_not_found", "没有这个大屏链接，或已收回"),
  PROBATION_ENTRY_NOT_FOUND(404, "probation_entry_not_found", "试用期登记不存在"),
  BOX_NOT_FOUND(404, "box_not_found", "意见箱不存在"),
  MESSAGE_NOT_FOUND(404, "message_not_found", "意见不存在"),
  FOLLOWUP_NOT_FOUND(404, "followup_not_found", "没有这个查询码"),

  METHOD_NOT_ALLOWED(405, "method_not_allowed", "不支持此请求方法"),

  // 409: the request is well formed but conflicts with the record as it stands.
  SLIP_USED(409, "slip_used", "这张票签已经提交过选票"),
  SLIP_NOT_VOIDABLE(409, "slip_not_voidable", "票签不能作废"),
  SLIP_COUNT_CHANGED(409, "slip_count_changed", "未使用的票签数量已变化，请刷新后重试"),
  OVER_EXPECTED(409, "over_expected", "票签数量超过该类别的应到人数"),
  EVENT_NOT_READY(409, "event_not_ready", "活动尚未准备好，不能开始投票"),
  FORMS_NOT_READY(409, "forms_not_ready", "表单尚未完成，不能开始投票"),
  EVENT_NOT_ISSUING(409, "event_not_issuing", "只有草稿或投票中的活动可以发放票签"),
  EVENT_NOT_COUNTING(409, "event_not_counting", "只有投票中或已结束（未归档）的活动可以录入纸质票"),
  EVENT_NOT_CLOSED(409, "event_not_closed", "投票结束后才能执行此操作"),
  EVENT_ARCHIVED(409, "event_archived", "活动已归档，不能修改"),
  EVENT_NOT_ARCHIVED(409, "event_not_archived", "活动归档后才能下载归档包"),
  ILLEGAL_TRANSITION(409, "illegal_transition", "活动当前状态不允许这一步"),
  CATEGORIES_LOCKED(409, "categories_locked", "投票已开始，参评人员类别不能修改"),
  CATEGORY_HAS_SLIPS(409, "category_has_slips", "该类别已发放票签，不能删除"),
  FORM_FROZEN(409, "form_frozen", "投票已开始，表单已冻结，不能修改"),
  FORM_VERSION_CONFLICT(409, "form_version_conflict", "表单已被他人修改，请刷新后再编辑"),
  SAME_CLERK(409, "same_clerk", "第二遍须由另一名工作人员独立录入"),
  ENTRIES_DIFFER(409, "entries_differ", "两次录入不一致，请先核对纸质票，删除录错的一条"),
  RECORD_INCOMPLETE(409, "record_incomplete", "记录尚不完整，不能归档"),
  PUBLIC_URL_UNREACHABLE(409, "public_url_unreachable", "手机打不开票签上的地址"),
  USERNAME_TAKEN(409, "username_taken", "用户名已存在"),
  OWN_ACCOUNT(409, "own_account", "不能停用自己或取消自己的管理员角色"),
  MESSAGE_DONE(409, "message_done", "该意见已办结，不能再更改"),
  PROBATION_ASSESSMENT_STARTED(409, "probation_assessment_started", "测评已开始，试用期登记不能修改"),
  NO_APPOINTMENTS(409, "no_appointments", "试用期登记中没有该年任职的干部"),

  /**
   * 410 for a void slip, whoever presents it: a voter's phone or a clerk typing a paper ballot. Voiding is
   * final (no later state makes the slip usable), which is what 410 says and 409 does not: a 409 invites
   * the client to refresh and try again. Paper entry answered 409 until issue 14; one code has one status.
   */
  SLIP_VOID(410, "slip_void", "此票签已作废，请向工作人员询问"),
  /** Registered 未收回 after the close: as final as a void slip, for the same reason. */
  SLIP_UNRETURNED(410, "slip_unreturned", "此票签已登记为未收回，不能再投票，请向工作人员询问"),

  /** Every oversized body, a ballot's included: the limit differs by route, the answer does not. */
  PAYLOAD_TOO_LARGE(413, "payload_too_large", "请求体过大"),
  URI_TOO_LONG(414, "uri_too_long", "请求地址过长"),
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type", "请求体必须是 JSON（Content-Type: application/json）"),
  /** The body handler's answer to an Expect other than 100-continue. */
  EXPECTATION_FAILED(417, "expectation_failed", "不支持该 Expect 请求头"),
  TOO_MANY_ATTEMPTS(429, "too_many_attempts", "尝试次数过多，请稍后再试"),
  HEADERS_TOO_LARGE(431, "headers_too_large", "请求头过大"),
  INTERNAL_ERROR(500, "internal_error", "服务器内部错误"),
  /** The database is away, or a font is missing: come back later (always with Retry-After). */
  UNAVAILABLE(503, "unavailable", "数据库暂时不可用，请稍后重试");

  private final int status;
  private final String wireName;
  private final String message;

  ErrorCode(int status, String wireName, String message) {
    this.status = status;
    this.wireName = wireName;
    this.message = message;
  }

  public int status() {
    return status;
  }

  /** The JSON "error" string. */
  public String wireName() {
    return wireName;
  }

  /** The default Chinese message, used when the call site has nothing more specific to say. */
  public String message() {
    return message;
  }
}
