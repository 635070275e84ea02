package org.pingyi.audit;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.pingyi.staff.Role;
import org.pingyi.event.EventStatus;

/**
 * Audit rows in words, for the console and the CSV: the action's Chinese name, what it was done to, and its details
 * as a sentence. Only what the row holds is told: a paper ballot's rows name a slip's serial and nothing of its
 * ballot, and this adds nothing to that.
 */
final class AuditText {
  private static final Map<String, String> ACTIONS = Map.ofEntries(
      Map.entry("auth.login", "登录"), Map.entry("auth.login_failed", "登录失败"),
      Map.entry("account.created", "创建账户"), Map.entry("account.changed", "修改账户"),
      Map.entry("account.password_reset", "重置密码"), Map.entry("account.password_changed", "修改本人密码"),
      Map.entry("event.created", "创建活动"), Map.entry("event.edited", "编辑活动"),
      Map.entry("event.open", "开始投票"), Map.entry("event.closed", "结束投票"), Map.entry("event.archived", "归档活动"),
      Map.entry("form.created", "创建表单"), Map.entry("form.edited", "编辑表单"), Map.entry("form.list_pasted", "导入名单"),
      Map.entry("form.frozen", "冻结表单"), Map.entry("form.deleted", "删除表单"),
      Map.entry("slips.issued", "发放票签"), Map.entry("slips.unreturned", "登记未收回票签"),
      Map.entry("slip.voided", "作废票签"),
      Map.entry("paper.entered", "录入纸质票"), Map.entry("paper.counted", "纸质票计入"),
      Map.entry("paper.entry_discarded", "删除纸质票录入"),
      Map.entry("screen.turnout_only", "设置大屏内容"),
      Map.entry("screen_link.created", "创建大屏链接"), Map.entry("screen_link.revoked", "收回大屏链接"),
      Map.entry("probation.added", "登记试用期干部"), Map.entry("probation.edited", "修改试用期登记"),
      Map.entry("probation.removed", "删除试用期登记"), Map.entry("probation.assessment_started", "发起试用期满考核"),
      Map.entry("probation.assessed", "记录试用期满考核结果"),
      Map.entry("feedback.box_created", "创建意见箱"), Map.entry("feedback.read", "意见已阅"),
      Map.entry("feedback.referred", "意见转办"), Map.entry("feedback.done", "意见办结"),
      Map.entry("feedback.exported", "导出意见"), Map.entry("feedback.handler_granted", "授予意见处理权限"),
      Map.entry("feedback.handler_revoked", "收回意见处理权限"));

  private AuditText() {
  }

  static String actionName(String action) {
    return ACTIONS.getOrDefault(action, action);
  }

  /** What the action was done to, by name. */
  static String subject(AuditRecord row) {
    JsonObject d = row.details() == null ? new JsonObject() : row.details();
    String subject = switch (String.valueOf(row.objectType())) {
      case "account" -> "账户 " + firstOf(row.accountName(), d.getString("username"));
      case "event" -> "活动《" + firstOf(row.eventTitle(), d.getString("title")) + "》";
      case "form" -> "表单《" + firstOf(d.getString("title"), null) + "》";
      case "slip" -> "票签 " + firstOf(row.objectId(), null);
      case "probation" -> "试用期干部 " + firstOf(d.getString("name"), null);
      case "feedback_box" -> "意见箱《" + firstOf(d.getString("title"), null) + "》";
      case "feedback_message" -> "意见 " + firstOf(row.objectId(), null);
      case "screen_link" -> "大屏链接" + (d.getString("label") == null ? "" : "「" + d.getString("label") + "」");
      default -> row.objectType() + (row.objectId() == null ? "" : " " + row.objectId());
    };
    return subject.strip();
  }

  /** The details as a sentence; empty when the action says it all. */
  static String summary(String action, JsonObject details) {
    JsonObject d = details == null ? new JsonObject() : details;
    return switch (action) {
      case "account.created" -> "用户名 " + d.getString("username", "") + "，角色：" + role(d.getString("role"));
      case "account.changed" -> accountChange(d);
      case "account.password_reset" -> "设置了新的初始密码，本人下次登录时须修改";
      case "auth.login_failed" -> "输入的用户名：" + d.getString("username", "")
          + (d.getBoolean("usernameSanitized", false) ? "（其中的异常字符已替换）" : "");
      case "event.created" -> "名称：" + d.getString("title", "");
      case "event.edited" -> "名称：" + d.getString("title", "")
          + (d.getBoolean("categoriesChanged", false) ? "；修改了参评人员类别" : "");
      case "event.open", "event.closed", "event.archived" -> "状态：" + status(d.getString("from")) + " → "
          + status(d.getString("to"));
      case "form.created", "form.edited", "form.list_pasted", "form.deleted" -> "第 " + d.getValue("version", "?") + " 版";
      case "form.frozen" -> "SHA-256：" + d.getString("sha256", "");
      case "slips.issued" -> slipsIssued(d);
      case "slips.unreturned" -> "登记未收回 " + d.getValue("count", 0) + " 张";
      case "paper.entry_discarded" -> "删除了 " + d.getString("clerk", "") + " 的录入";
      case "feedback.read", "feedback.referred", "feedback.done" -> feedbackStep(d);
      case "feedback.exported" -> "共 " + d.getValue("count", 0) + " 条";
      case "screen.turnout_only" -> d.getBoolean("turnoutOnly", false) ? "大屏只显示投票进度" : "大屏显示投票结果";
      case "probation.added", "probation.edited", "probation.removed", "probation.assessment_started" ->
          appointment(d);
      case "probation.assessed" -> assessed(d);
      case "auth.login", "account.password_changed", "slip.voided", "paper.entered", "paper.counted",
           "screen_link.revoked", "screen_link.created", "feedback.box_created", "feedback.handler_granted",
           "feedback.handler_revoked" -> "";
      default -> plain(d);
    };
  }

  private static String accountChange(JsonObject d) {
    List<String> parts = new ArrayList<>();
    if (d.containsKey("role")) {
      parts.add(d.containsKey("previousRole")
          ? "角色由" + role(d.getString("previousRole")) + "改为" + role(d.getString("role"))
          : "角色改为" + role(d.getString("role")));
    }
    if (d.containsKey("displayName")) parts.add("姓名改为 " + d.getString("displayName"));
    if (d.containsKey("active")) parts.add(d.getBoolean("active") ? "启用" : "停用");
    return parts.isEmpty() ? "没有变化" : String.join("；", parts);
  }

  private static String appointment(JsonObject d) {
    return "现任职务：" + d.getString("currentPost", "") + "；任职时间：" + d.getString("appointedOn", "") + "；试用期 "
        + d.getValue("months", "?") + " 个月" + (d.getBoolean("pasted", false) ? "（粘贴导入）" : "");
  }

  private static String assessed(JsonObject d) {
    if (d.getString("excellentRate") == null) return "测评表中没有该干部的有效评价；考核日期 " + d.getString("assessedOn", "");
    return "优秀率 " + d.getString("excellentRate") + "%，称职以上率 " + d.getString("competentOrBetterRate")
        + "%，不称职占比 " + d.getString("incompetentShare", "—") + "%；考核日期 " + d.getString("assessedOn", "");
  }

  /** A triage step: the status change, to whom it was referred, whether a reply was written (never its text). */
  private static String feedbackStep(JsonObject d) {
    String text = "状态：" + feedbackStatus(d.getString("from")) + " → " + feedbackStatus(d.getString("to"));
    if (d.containsKey("referredTo")) text += "；转办单位：" + d.getString("referredTo");
    if (d.getBoolean("replied", false)) text += "；填写了答复";
    return text;
  }

  private static String feedbackStatus(String wireName) {
    return org.pingyi.feedback.MessageStatus.fromWire(String.valueOf(wireName))
        .map(org.pingyi.feedback.MessageStatus::label).orElse(String.valueOf(wireName));
  }

  private static String slipsIssued(JsonObject d) {
    String text = "类别 " + d.getString("category", "") + "：" + d.getValue("count", 0) + " 张（"
        + d.getString("first", "") + " 至 " + d.getString("last", "") + "）";
    if (d.containsKey("beyondExpected")) {
      text += "；超出应到 " + d.getValue("beyondExpected") + " 张，原因：" + d.getString("reason", "");
    }
    return text;
  }

  private static String role(String wireName) {
    return Role.fromWire(wireName).map(Role::label).orElse(String.valueOf(wireName));
  }

  private static String status(String wireName) {
    try {
      return EventStatus.fromWire(wireName).label();
    } catch (IllegalArgumentException e) {
      return String.valueOf(wireName);
    }
  }

  /** An action this class does not know yet: its details as 键：值 pairs, still no JSON. */
  private static String plain(JsonObject d) {
    return d.stream().map(e -> e.getKey() + "：" + e.getValue()).collect(Collectors.joining("；"));
  }

  private static String firstOf(String current, String written) {
    if (current != null && !current.isBlank()) return current;
    return written == null ? "" : written;
  }
}
