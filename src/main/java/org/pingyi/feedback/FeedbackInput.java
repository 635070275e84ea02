package org.pingyi.feedback;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.pingyi.http.AppError;
import org.pingyi.http.ControlCharacters;

/**
 * Reads the feedback box's request bodies into records, in plain Java, with a Chinese message for every field a
 * person can get wrong (the public page shows the first one as it is). Line breaks and tabs are text; other control
 * characters are refused, as everywhere.
 */
final class FeedbackInput {
  static final int MAX_TEXT = 2000;
  static final int MAX_CADRE = 50;
  static final int MAX_REPLY = 2000;

  private final JsonObject json;
  private final Map<String, String> errors = new LinkedHashMap<>();

  private FeedbackInput(JsonObject json) {
    this.json = json == null ? new JsonObject() : json;
  }

  /** A message someone leaves, with the proof of work that pays for it. */
  record NewMessage(Category category, String cadre, String text, String challenge, String nonce) {
  }

  /** A staff member's step on a message: its new status, to whom it was referred, the reply the submitter reads. */
  record Triage(MessageStatus status, String referredTo, String reply) {
  }

  /** A new box: for a unit, or for one event. */
  record NewBox(String title, String unit, UUID eventId) {
  }

  static NewMessage message(JsonObject body) {
    FeedbackInput in = new FeedbackInput(body);
    Category category = in.category();
    String cadre = in.text("cadre", false, MAX_CADRE, "被反映干部姓名");
    String text = in.text("text", true, MAX_TEXT, "意见内容");
    String challenge = in.text("challenge", false, 100, "验证");
    String nonce = in.text("nonce", false, 24, "验证");
    in.throwIfInvalid();
    return new NewMessage(category, cadre, text, challenge, nonce);
  }

  static Triage triage(JsonObject body) {
    FeedbackInput in = new FeedbackInput(body);
    String wire = in.text("status", true, 20, "处理状态");
    MessageStatus status = MessageStatus.fromWire(wire).filter(s -> s != MessageStatus.NEW).orElse(null);
    if (status == null && !wire.isEmpty()) in.fail("status", "处理状态只能是 已阅（read）、转办（referred）或 办结（done）");
    String referredTo = in.text("referredTo", false, 200, "转办单位");
    String reply = in.text("reply", false, MAX_REPLY, "答复");
    if (status == MessageStatus.REFERRED && referredTo.isEmpty()) in.fail("referredTo", "转办须填写转办单位");
    in.throwIfInvalid();
    return new Triage(status, referredTo, reply);
  }

  static NewBox box(JsonObject body) {
    FeedbackInput in = new FeedbackInput(body);
    String title = in.text("title", true, 100, "意见箱名称");
    String unit = in.text("unit", false, 100, "单位");
    UUID eventId = null;
    String event = in.text("eventId", false, 36, "活动");
    if (!event.isEmpty()) {
      try {
        eventId = UUID.fromString(event);
      } catch (IllegalArgumentException e) {
        in.fail("eventId", "活动编号无效");
      }
    }
    in.throwIfInvalid();
    return new NewBox(title, unit, eventId);
  }

  private Category category() {
    Object value = json.getValue("category");
    if (value == null || "".equals(value)) {
      fail("category", "请选择意见类别（选人用人、干部作风或其他）");
      return null;
    }
    Category category = value instanceof String s ? Category.fromWire(s).orElse(null) : null;
    if (category == null) fail("category", "意见类别只能是 选人用人、干部作风 或 其他");
    return category;
  }

  private String text(String field, boolean required, int max, String name) {
    Object value = json.getValue(field);
    if (value == null) {
      if (required) fail(field, "请填写" + name);
      return "";
    }
    if (!(value instanceof String s)) {
      fail(field, name + "必须是文字");
      return "";
    }
    String text = s.strip();
    if (required && text.isEmpty()) fail(field, "请填写" + name);
    else if (text.codePointCount(0, text.length()) > max) fail(field, name + "不能超过 " + String.format("%,d", max) + " 个字");
    else if (ControlCharacters.in(text)) {
      fail(field, name + "含有不可见的控制字符，请删除后重试");
    } else return text;
    return "";
  }

  private void fail(String field, String message) {
    errors.putIfAbsent(field, message);
  }

  private void throwIfInvalid() {
    if (!errors.isEmpty()) throw AppError.invalidInput(errors.values().iterator().next(), errors);
  }
}
