package org.pingyi.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.Db;
import org.pingyi.support.LogCapture;
import org.pingyi.support.ServerExtension;

/**
 * The feedback box over HTTP: Chinese errors for bad input, the proof of work, follow-up codes kept only as hashes,
 * triage with its audit trail (never the text), the right to triage, the export; and what a superuser would see:
 * no address, no time, rows in no arrival order, the inbox vacuumed, and no line of the log about any of it.
 */
class FeedbackApiTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  private static Api admin;
  private static Api organizer;
  private static Db db;
  private Phone phone;

  @BeforeEach
  void newPhone() {
    phone = new Phone(server.baseUrl());
  }

  @AfterEach
  void phoneGone() {
    phone.close();
  }

  @BeforeAll
  static void setUp() {
    admin = server.api().asAdmin();
    organizer = server.api().asAdmin().newStaff("organizer", "organizer", "organizer-pass");
    db = new Db(server.database());
  }

  @Test
  void badInputGetsClearChineseErrorsForEachField() {
    String key = FeedbackBoxes.key(FeedbackBoxes.create(organizer, "校验"));
    JsonObject valid = FeedbackBoxes.message(phone, key, "conduct", null, "内容");

    assertThat(refused(key, without(valid, "category")))
        .isEqualTo(List.of("invalid_input", "请选择意见类别（选人用人、干部作风或其他）", "category"));
    assertThat(refused(key, valid.copy().put("category", "bribery")))
        .isEqualTo(List.of("invalid_input", "意见类别只能是 选人用人、干部作风 或 其他", "category"));
    assertThat(refused(key, valid.copy().put("text", "   ")))
        .isEqualTo(List.of("invalid_input", "请填写意见内容", "text"));
    assertThat(refused(key, valid.copy().put("text", "长".repeat(2001))))
        .isEqualTo(List.of("invalid_input", "意见内容不能超过 2,000 个字", "text"));
    assertThat(refused(key, valid.copy().put("cadre", "张三\u0007")))
        .isEqualTo(List.of("invalid_input", "被反映干部姓名含有不可见的控制字符，请删除后重试", "cadre"));
    assertThat(refused(key, valid.copy().put("text", 42)))
        .isEqualTo(List.of("invalid_input", "意见内容必须是文字", "text"));
    assertThat(phone.post("/api/f/" + key + "/messages", valid.copy().put("text", "长".repeat(2000))).statusCode())
        .as("2,000 characters are allowed").isEqualTo(201);
    assertThat(phone.get("/api/f/" + "0".repeat(32)).bodyAsJsonObject().getString("message"))
        .isEqualTo("没有这个意见箱，请核对地址");
  }

  @Test
  void aMessageMustCarryFreshWorkAndEachPieceOfWorkPaysForOneMessage() {
    String key = FeedbackBoxes.key(FeedbackBoxes.create(organizer, "工作量证明"));
    JsonObject paid = FeedbackBoxes.message(phone, key, "other", null, "一条意见");

    assertThat(refused(key, paid.copy().put("nonce", "x")).get(0)).isEqualTo("proof_invalid");
    assertThat(refused(key, without(paid, "nonce")).get(0)).isEqualTo("proof_invalid");
    String forged = paid.getString("challenge").replaceAll("\\.[0-9]+\\.", ".1.");
    assertThat(refused(key, paid.copy().put("challenge", forged)).get(0)).isEqualTo("proof_invalid");
    assertThat(phone.post("/api/f/" + key + "/messages", paid).statusCode()).isEqualTo(201);
    List<String> replayed = refused(key, paid);
    assertThat(replayed.get(0)).isEqualTo("proof_used");
    assertThat(replayed.get(1)).isEqualTo("这次验证已经用过，请刷新页面后重新提交");
  }

  @Test
  void workOnAChallengeIssuedMoreThanThreeHoursAgoIsRefusedAsExpired() {
    String key = FeedbackBoxes.key(FeedbackBoxes.create(organizer, "过期验证"));
    // Any instance sharing the key signs challenges the server accepts (ProofOfWork): one whose clock is three hours
    // and a minute behind issues exactly what a page left open that long would send, without the test waiting.
    String secret = db.strings("SELECT value FROM server_secrets WHERE name = 'jwt_hs256'").get(0);
    Clock now = Clock.systemUTC();
    ProofOfWork late = new ProofOfWork(secret, Clock.offset(now, Duration.ofMinutes(-(ProofOfWork.VALID_MINUTES + 1))));

    List<String> refused = refused(key, paidWith(late.issue(), "过期的意见"));

    assertThat(refused).containsExactly("challenge_expired", "页面停留时间过长，验证已过期，请重新提交");
    assertThat(db.count("SELECT count(*) FROM feedback_inbox WHERE body = '过期的意见'")).isZero();
    // The same signer's challenge of this minute is accepted: the refusal was for the age, not the signature.
    assertThat(phone.post("/api/f/" + key + "/messages", paidWith(new ProofOfWork(secret, now).issue(), "及时的意见"))
        .statusCode()).isEqualTo(201);
  }

  @Test
  void oneAddressMayLeaveTwentyMessagesAnHourAndIsThenToldToWait() {
    String key = FeedbackBoxes.key(FeedbackBoxes.create(organizer, "频率"));
    for (int i = 0; i < SubmitterLimits.MESSAGES_PER_HOUR; i++) FeedbackBoxes.submit(phone, key, "第 " + i + " 条");

    HttpResponse<Buffer> refused = phone.post("/api/f/" + key + "/messages", FeedbackBoxes.message(phone, key, "other", null, "再一条"));
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.bodyAsJsonObject().getString("message")).isEqualTo("提交过于频繁，请稍后再试");
    assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 3600);
    try (Phone other = new Phone(server.baseUrl())) {
      assertThat(other.post("/api/f/" + key + "/messages", FeedbackBoxes.message(other, key, "other", null, "另一部手机"))
          .statusCode()).as("another address still may").isEqualTo(201);
    }
    assertThat(db.count("SELECT count(*) FROM (SELECT body FROM feedback_inbox UNION ALL SELECT body FROM feedback_messages) t WHERE body = '再一条'")).isZero();
  }

  @Test
  void theFollowUpCodeIsStoredOnlyAsItsHashAndReadsTheStatus() throws Exception {
    String key = FeedbackBoxes.key(FeedbackBoxes.create(organizer, "查询码"));
    String code = FeedbackBoxes.submit(phone, key, "查询码测试");
    assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}");

    byte[] hash = MessageDigest.getInstance("SHA-256").digest(code.replace("-", "").getBytes(StandardCharsets.US_ASCII));
    assertThat(db.count("SELECT count(*) FROM feedback_inbox WHERE followup_sha256 = ?", hash)).isEqualTo(1);
    String plain = code.replace("-", "");
    assertThat(db.count("SELECT count(*) FROM feedback_inbox t WHERE t::text ILIKE ? OR t::text ILIKE ?",
        "%" + plain + "%", "%" + code + "%")).isZero();
    JsonObject waiting = followUp(code.toLowerCase().replace('0', 'o')).bodyAsJsonObject();
    assertThat(waiting.getString("status")).isEqualTo("waiting");
    assertThat(waiting.getString("statusLabel")).startsWith("已收到");
    HttpResponse<Buffer> wrong = followUp("ABCDE");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.bodyAsJsonObject().getString("message")).startsWith("查询码应为 20 位字母和数字");
    HttpResponse<Buffer> unknown = followUp(FollowUpCodes.fresh());
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.bodyAsJsonObject().getString("error")).isEqualTo("followup_not_found");
    assertThat(unknown.bodyAsJsonObject().getString("message")).isEqualTo("没有找到这个查询码对应的意见，请逐位核对");
  }

  @Test
  void storedMessagesHoldNoAddressNoTimeAndNoArrivalOrderAndTheInboxIsVacuumed() {
    String key = FeedbackBoxes.key(FeedbackBoxes.create(organizer, "匿名"));
    int before = LogCapture.lines().size();
    List<String> arrival = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      arrival.add("第 " + (100 + i) + " 条意见");
      FeedbackBoxes.submit(phone, key, arrival.get(i));
    }
    FeedbackBoxes.dayPasses(db);

    String box = "(SELECT id FROM feedback_boxes WHERE public_key = '" + key + "')";
    List<String> stored = db.strings("SELECT body FROM feedback_messages WHERE box_id = " + box + " ORDER BY ctid");
    assertThat(stored).containsExactlyInAnyOrderElementsOf(arrival).isNotEqualTo(arrival);
    assertThat(db.strings("SELECT id::text FROM feedback_messages WHERE box_id = " + box + " ORDER BY id"))
        .as("ids are random, not serial").doesNotHaveDuplicates();
    // Every batch the mixer wrote (one transaction id) holds at least k messages: none is alone with its moment.
    assertThat(db.strings("SELECT count(*) FROM feedback_messages WHERE box_id = " + box + " GROUP BY xmin::text"))
        .allMatch(n -> Integer.parseInt(n) >= InboxMixer.K);
    assertThat(db.strings("""
        SELECT table_name || '.' || column_name || ' ' || data_type FROM information_schema.columns
        WHERE table_name IN ('feedback_inbox', 'feedback_messages')
          AND (data_type NOT IN ('uuid', 'text', 'bytea', 'date') OR column_name ~ 'ip|addr|agent|device|time|_at$')"""))
        .as("no column that could hold an address, a device or a time").isEmpty();
    assertThat(db.count("SELECT count(*) FROM feedback_messages m WHERE m::text LIKE ?", "%" + phone.address + "%")).isZero();
    awaitVacuumed();
    List<String> logged = LogCapture.lines().subList(before, LogCapture.lines().size());
    assertThat(logged).noneMatch(l -> l.contains("/f/") || l.contains("/api/f/") || l.contains("followup")
        || l.contains("条意见") || l.contains(key) || l.contains(phone.address));
  }

  @Test
  void staffTriageWithAReplyTheSubmitterReadsAndTheAuditLogNeverHoldsTheText() {
    String key = FeedbackBoxes.key(FeedbackBoxes.create(organizer, "办理"));
    String code = FeedbackBoxes.submit(phone, key, "秘密的意见内容");
    FeedbackBoxes.dayPasses(db);
    JsonObject box = organizer.get("/api/feedback/boxes").bodyAsJsonArray().stream().map(JsonObject.class::cast)
        .filter(b -> b.getString("url").endsWith(key)).findFirst().orElseThrow();
    JsonObject message = organizer.get("/api/feedback/boxes/" + box.getString("id") + "/messages").bodyAsJsonArray().getJsonObject(0);
    String triage = "/api/feedback/messages/" + message.getString("id") + "/triage";

    assertThat(organizer.post(triage, new JsonObject().put("status", "read")).statusCode()).isEqualTo(204);
    HttpResponse<Buffer> noUnit = organizer.post(triage, new JsonObject().put("status", "referred"));
    assertThat(noUnit.bodyAsJsonObject().getString("message")).isEqualTo("转办须填写转办单位");
    assertThat(organizer.post(triage, new JsonObject().put("status", "referred").put("referredTo", "县纪委监委")).statusCode())
        .isEqualTo(204);
    HttpResponse<Buffer> noReply = organizer.post(triage, new JsonObject().put("status", "done"));
    assertThat(noReply.statusCode()).isEqualTo(400);
    assertThat(noReply.bodyAsJsonObject().getString("message")).isEqualTo("办结须填写答复，提交人凭查询码可以看到");
    assertThat(organizer.post(triage, new JsonObject().put("status", "done").put("reply", "已核实并整改的答复")).statusCode())
        .isEqualTo(204);
    HttpResponse<Buffer> afterDone = organizer.post(triage, new JsonObject().put("status", "read"));
    assertThat(afterDone.statusCode()).isEqualTo(409);
    assertThat(afterDone.bodyAsJsonObject().getString("error")).isEqualTo("message_done");
    assertThat(afterDone.bodyAsJsonObject().getString("message")).isEqualTo("该意见已办结，不能再更改");

    JsonObject read = followUp(code).bodyAsJsonObject();
    assertThat(read.getString("status")).isEqualTo("done");
    assertThat(read.getString("reply")).isEqualTo("已核实并整改的答复");
    assertThat(read.containsKey("referredTo")).isFalse();
    List<String> audit = db.strings("""
        SELECT action || ' ' || actor_name || ' ' || details::text FROM audit_log
        WHERE object_type = 'feedback_message' ORDER BY id""");
    assertThat(audit).hasSize(3).allMatch(row -> row.contains("organizer"))
        .noneMatch(row -> row.contains("秘密的意见内容") || row.contains("已核实并整改的答复"));
    assertThat(audit.stream().map(row -> row.split(" ")[0]).toList())
        .containsExactly("feedback.read", "feedback.referred", "feedback.done");
  }

  @Test
  void aClerkMayTriageOnlyOnceAnAdminGrantsTheRight() {
    Api clerk = server.api().asAdmin().newStaff("jijian", "clerk", "clerk-password");
    assertThat(clerk.get("/api/feedback/boxes").statusCode()).isEqualTo(403);
    String clerkId = admin.get("/api/accounts").bodyAsJsonArray().stream().map(JsonObject.class::cast)
        .filter(a -> a.getString("username").equals("jijian")).findFirst().orElseThrow().getString("id");

    assertThat(admin.put("/api/feedback/handlers/" + clerkId, new JsonObject().put("handles", true)).statusCode()).isEqualTo(204);
    assertThat(clerk.get("/api/feedback/boxes").statusCode()).isEqualTo(200);
    assertThat(clerk.post("/api/feedback/boxes", new JsonObject().put("title", "不行")).statusCode()).as("creating stays the organizer's")
        .isEqualTo(403);
    assertThat(admin.put("/api/feedback/handlers/" + clerkId, new JsonObject().put("handles", false)).statusCode()).isEqualTo(204);
    assertThat(clerk.get("/api/feedback/boxes").statusCode()).isEqualTo(403);
    assertThat(db.strings("SELECT action FROM audit_log WHERE object_id = ? AND action LIKE 'feedback.%' ORDER BY id", clerkId))
        .containsExactly("feedback.handler_granted", "feedback.handler_revoked");
  }

  @Test
  void theExportHoldsTheTextAsTextAndThePosterIsAPdf() throws Exception {
    JsonObject box = FeedbackBoxes.create(organizer, "导出");
    String key = FeedbackBoxes.key(box);
    FeedbackBoxes.submit(phone, key, "=HYPERLINK(\"http://evil\",\"点我\") <script>alert(1)</script>");
    FeedbackBoxes.dayPasses(db);

    HttpResponse<Buffer> xlsx = organizer.get("/api/feedback/boxes/" + box.getString("id") + "/messages.xlsx");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body().getBytes()))) {
      Row row = book.getSheetAt(0).getRow(2);
      assertThat(new DataFormatter().formatCellValue(row.getCell(4)))
          .isEqualTo("=HYPERLINK(\"http://evil\",\"点我\") <script>alert(1)</script>");
      assertThat(row.getCell(4).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
      assertThat(new DataFormatter().formatCellValue(row.getCell(2))).isEqualTo("选人用人");
    }
    assertThat(db.count("SELECT count(*) FROM audit_log WHERE action = 'feedback.exported' AND object_id = ?",
        box.getString("id"))).isEqualTo(1);
    HttpResponse<Buffer> poster = organizer.get("/api/feedback/boxes/" + box.getString("id") + "/poster.pdf");
    assertThat(poster.statusCode()).isEqualTo(200);
    assertThat(poster.getHeader("Content-Type")).isEqualTo("application/pdf");
    try (var document = org.apache.pdfbox.Loader.loadPDF(poster.body().getBytes())) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", "");
      assertThat(text).contains("意见箱", "导出", box.getString("url"), "查询码");
      var resources = document.getPage(0).getResources();
      for (var name : resources.getFontNames()) {
        assertThat(resources.getFont(name).getFontDescriptor().getFontFile3()).as("the CJK font is embedded").isNotNull();
      }
    }
  }

  private List<String> refused(String key, JsonObject body) {
    HttpResponse<Buffer> answer = phone.post("/api/f/" + key + "/messages", body);
    assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(400);
    JsonObject json = answer.bodyAsJsonObject();
    List<String> out = new ArrayList<>(List.of(json.getString("error"), json.getString("message")));
    if (!json.getJsonObject("fields").isEmpty()) out.add(json.getJsonObject("fields").fieldNames().iterator().next());
    return out;
  }

  /** A message paying with the given challenge, solved as the page solves it. */
  private static JsonObject paidWith(String challenge, String text) {
    return new JsonObject().put("category", "other").put("text", text).put("challenge", challenge)
        .put("nonce", ProofOfWork.solve(challenge, ProofOfWork.BITS));
  }

  private static JsonObject without(JsonObject body, String field) {
    JsonObject copy = body.copy();
    copy.remove(field);
    return copy;
  }

  private HttpResponse<Buffer> followUp(String code) {
    return phone.post("/api/followup", new JsonObject().put("code", code));
  }

  private static void awaitVacuumed() {
    long deadline = System.currentTimeMillis() + 15_000;
    while (db.count("SELECT vacuum_count + autovacuum_count FROM pg_stat_user_tables WHERE relname = 'feedback_inbox'") == 0) {
      assertThat(System.currentTimeMillis()).as("the inbox was never vacuumed").isLessThan(deadline);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
