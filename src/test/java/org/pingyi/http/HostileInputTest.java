package org.pingyi.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.Db;
import org.pingyi.support.Fixtures;
import org.pingyi.support.ForgedTokens;
import org.pingyi.support.HostileClient;
import org.pingyi.support.HostileCorpus;
import org.pingyi.support.HostileRequest;
import org.pingyi.support.HostileWire;
import org.pingyi.support.LogCapture;
import org.pingyi.support.OpenApiDocument;
import org.pingyi.support.OpenApiDocument.Operation;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Slow;
import org.pingyi.support.Voting;

/**
 * The hostile corpus (issue 6): every documented operation attacked with forged credentials, hostile path
 * values and broken or hostile bodies, plus undocumented methods, static-file traversal and reused slips; and
 * (issue 17) requests malformed below HTTP's surface, written to a raw socket.
 * None may get a 5xx; every refusal is the JSON error body; the server is still serving at the end, and
 * nothing was half-written.
 */
@Slow
class HostileInputTest {
  private static final String JWT_KEY = "hostile-input-test-signing-key-0123456789";

  @RegisterExtension
  static final ServerExtension server = new ServerExtension(c -> c.withJwtKey(JWT_KEY));

  private static Api admin;
  private static Voting voting;
  private static String draftEvent;
  private static String draftForm;
  private static String victim;
  private static String usedToken;
  private static String voidToken;
  private static String draftToken;
  private static String closedBoard;
  private static String feedbackKey;
  private static String feedbackBox;
  private static String feedbackMessage;
  private static final Deque<String> freshTokens = new ConcurrentLinkedDeque<>();
  private static final Map<String, Supplier<JsonObject>> samples = new HashMap<>();

  @BeforeAll
  static void prepare() {
    admin = server.api().asAdmin();
    victim = admin.post("/api/accounts", new JsonObject().put("username", "victim").put("displayName", "受害者")
        .put("role", "observer").put("password", "victim-password-1")).bodyAsJsonObject().getString("id");
    JsonObject ready = Fixtures.readyEvent(admin, "恶意输入测试（草稿）");
    draftEvent = ready.getString("eventId");
    draftForm = ready.getString("formId");
    draftToken = Voting.prepare(admin, "未开始的活动").slips(admin, "A", 1).get(0);
    // A closed event's receipts board: its addresses answer (and HEAD is served) only once voting has closed.
    Voting closed = Voting.open(admin, "恶意输入测试（已结束）");
    assertThat(admin.post("/api/events/" + closed.eventId + "/close", null).statusCode()).isEqualTo(200);
    closedBoard = new Db(server.database()).strings("SELECT board_key FROM events WHERE id = ?",
        UUID.fromString(closed.eventId)).get(0);
    voting = Voting.open(admin, "恶意输入测试（投票中）");
    List<String> tokens = voting.slips(admin, "B", 1300);
    voidToken = tokens.get(0);
    assertThat(admin.post("/api/events/" + voting.eventId + "/slips/B-0001/void", null).statusCode()).isEqualTo(200);
    usedToken = tokens.get(1);
    assertThat(admin.post("/api/v/" + usedToken, Voting.ballot(Voting.newNonce(), voting.validAnswers())).statusCode())
        .isEqualTo(201);
    freshTokens.addAll(tokens.subList(2, tokens.size()));
    feedbackBoxWithAMessage();
    defineSamples();
  }

  /** A feedback box with one message already mixed in, whose triage the corpus attacks. */
  private static void feedbackBoxWithAMessage() {
    JsonObject box = admin.post("/api/feedback/boxes", new JsonObject().put("title", "恶意输入测试意见箱")).bodyAsJsonObject();
    feedbackBox = box.getString("id");
    feedbackKey = box.getString("url").substring(box.getString("url").lastIndexOf('/') + 1);
    assertThat(admin.post("/api/f/" + feedbackKey + "/messages", feedbackMessage()).statusCode()).isEqualTo(201);
    Db db = new Db(server.database());
    db.strings("UPDATE feedback_inbox SET received_on = received_on - 1 RETURNING 1");
    long deadline = System.currentTimeMillis() + 20_000;
    while (db.count("SELECT count(*) FROM feedback_messages") == 0) {
      assertThat(System.currentTimeMillis()).as("the feedback inbox was mixed").isLessThan(deadline);
      java.util.concurrent.locks.LockSupport.parkNanos(100_000_000);
    }
    feedbackMessage = db.strings("SELECT id::text FROM feedback_messages").get(0);
  }

  /** A message with fresh proof of work, as the box's page sends it. */
  private static JsonObject feedbackMessage() {
    JsonObject challenge = admin.get("/api/f/" + feedbackKey).bodyAsJsonObject().getJsonObject("challenge");
    return new JsonObject().put("category", "selection").put("cadre", "张三").put("text", "意见")
        .put("challenge", challenge.getString("text"))
        .put("nonce", org.pingyi.feedback.FeedbackTestAccess.solve(challenge.getString("text"), challenge.getInteger("bits")));
  }

  @Test
  void everyHostileRequestIsRefusedWithTheJsonErrorAndNoneGetsA5xx() {
    List<HostileRequest> corpus = new ArrayList<>(HostileCorpus.against(OpenApiDocument.load().described(), targets(),
        ForgedTokens.authorizations(JWT_KEY, admin.token())));
    corpus.addAll(reusedSlips());

    List<String> violations;
    try (HostileClient client = new HostileClient(java.net.URI.create(server.baseUrl()).getPort())) {
      violations = client.violations(corpus);
    }

    assertThat(corpus).hasSizeGreaterThan(500);
    assertThat(violations).as("%d of %d hostile requests broke the error contract:%n%s", violations.size(),
        corpus.size(), String.join("\n", violations)).isEmpty();
    assertStillServingAndWhole();
  }

  @Test
  void everyMalformedRequestOnTheWireIsRefusedWithTheJsonErrorOrClosedAndNothingIsLoggedAsAFault() {
    List<HostileWire.Case> cases = HostileWire.cases(freshTokens.pop());
    int alarmsBefore = LogCapture.alarms().size();

    List<String> violations = HostileWire.violations(java.net.URI.create(server.baseUrl()).getPort(), cases);

    assertThat(violations).as("%d of %d requests on the wire broke the error contract:%n%s", violations.size(),
        cases.size(), String.join("\n", violations)).isEmpty();
    assertThat(LogCapture.alarms().subList(alarmsBefore, LogCapture.alarms().size())).isEmpty();
    assertStillServingAndWhole();
  }

  @Test
  void everyOperationThatTakesABodyHasAValidSampleToMutate() {
    List<String> withBody = OpenApiDocument.load().described().stream().filter(Operation::hasBody)
        .map(Operation::toString).toList();

    assertThat(samples.keySet()).containsExactlyInAnyOrderElementsOf(withBody);
  }

  private static void assertStillServingAndWhole() {
    assertThat(server.api().get("/health").statusCode()).isEqualTo(200);
    assertThat(admin.post("/api/v/" + freshTokens.pop(), Voting.ballot(Voting.newNonce(), voting.validAnswers()))
        .statusCode()).isEqualTo(201);
    assertThat(admin.get("/api/events/" + draftEvent).bodyAsJsonObject().getString("status")).isEqualTo("draft");
    Db db = new Db(server.database());
    assertThat(db.strings("SELECT coalesce(to_regclass('ballots')::text, 'gone')")).containsExactly("ballots");
    UUID eventId = UUID.fromString(voting.eventId);
    assertThat(db.count("SELECT count(*) FROM slips WHERE event_id = ? AND state = 'used'", eventId))
        .isEqualTo(db.count("SELECT count(*) FROM cast_ballots WHERE event_id = ?", eventId));
  }

  /** A used slip (409), a void one (410), an unknown one (404) and one of an event not yet open (403). */
  private static List<HostileRequest> reusedSlips() {
    List<HostileRequest> cases = new ArrayList<>();
    Map<String, String> json = Map.of("Content-Type", "application/json");
    Map<String, Integer> expected = Map.of(usedToken, 409, voidToken, 410, draftToken, 403,
        "Zm9yZ2VkLXRva2VuLXRoYXQtd2FzLW5ldmVyLWlzc3Vl", 404);
    expected.forEach((token, status) -> {
      cases.add(HostileRequest.refused("slip " + status, "POST", () -> "/api/v/" + token, json,
          () -> Voting.ballot(Voting.newNonce(), voting.validAnswers()).toBuffer().getBytes(), status));
      cases.add(HostileRequest.refused("slip " + status, "GET", () -> "/api/v/" + token, Map.of(), () -> new byte[0], status));
    });
    return cases;
  }

  private static HostileCorpus.Targets targets() {
    return new HostileCorpus.Targets() {
      @Override
      public String param(String name) {
        return switch (name) {
          case "eventId" -> draftEvent;
          case "formId" -> draftForm;
          case "id" -> victim;
          case "serial" -> "A-0001";
          case "board" -> closedBoard;
          case "key" -> feedbackKey;
          case "boxId" -> feedbackBox;
          case "messageId" -> feedbackMessage;
          case "accountId" -> victim;
          case "token" -> java.util.Objects.requireNonNullElse(freshTokens.poll(), "Zm9yZ2VkLXRva2VuLXRoYXQtd2FzLW5ldmVyLWlzc3Vl");
          default -> UUID.randomUUID().toString();
        };
      }

      @Override
      public Supplier<JsonObject> sample(String operation) {
        return samples.get(operation);
      }

      @Override
      public String bearer() {
        return admin.token();
      }
    };
  }

  private static void defineSamples() {
    AtomicInteger accounts = new AtomicInteger();
    samples.put("POST /api/auth/login", () -> new JsonObject().put("username", "admin").put("password", "not-the-password-1"));
    samples.put("POST /api/auth/password", () -> new JsonObject().put("currentPassword", "not-the-password-1")
        .put("newPassword", "another-password-1"));
    samples.put("POST /api/accounts", () -> new JsonObject().put("username", "u" + accounts.incrementAndGet())
        .put("displayName", "新账户").put("role", "observer").put("password", "password-123456"));
    samples.put("PATCH /api/accounts/{id}", () -> new JsonObject().put("displayName", "受害者").put("role", "observer")
        .put("active", true));
    samples.put("POST /api/accounts/{id}/password", () -> new JsonObject().put("newPassword", "victim-password-2"));
    samples.put("POST /api/events", () -> Fixtures.event("恶意输入测试"));
    samples.put("PUT /api/events/{eventId}", () -> Fixtures.event("恶意输入测试（草稿）"));
    samples.put("POST /api/events/{eventId}/forms", () -> new JsonObject().put("template", "new-cadres"));
    samples.put("PUT /api/forms/{formId}", () -> {
      JsonObject form = admin.get("/api/forms/" + draftForm).bodyAsJsonObject();
      return new JsonObject().put("version", form.getInteger("version")).put("definition", form.getJsonObject("definition"));
    });
    String questionId = admin.get("/api/forms/" + draftForm).bodyAsJsonObject().getJsonObject("definition")
        .getJsonArray("sections").getJsonObject(0).getJsonArray("questions").getJsonObject(0).getString("id");
    samples.put("POST /api/forms/{formId}/paste", () -> new JsonObject().put("questionId", questionId)
        .put("tsv", Fixtures.THREE_CADRES));
    samples.put("POST /api/events/{eventId}/slips", () -> new JsonObject().put("category", "A").put("count", 1)
        .put("format", "csv"));
    samples.put("POST /api/events/{eventId}/slips/void", () -> new JsonObject()
        .put("serials", new io.vertx.core.json.JsonArray().add("A-0001")));
    samples.put("POST /api/events/{eventId}/paper-ballots", () -> new JsonObject().put("serial", "A-0001")
        .put("answers", new JsonObject()));
    samples.put("PUT /api/events/{eventId}/screen", () -> new JsonObject().put("turnoutOnly", true));
    samples.put("POST /api/f/{key}/messages", HostileInputTest::feedbackMessage);
    samples.put("POST /api/followup", () -> new JsonObject().put("code", "7K2QX-M9D4A-7K2QX-M9D4A"));
    samples.put("POST /api/feedback/boxes", () -> new JsonObject().put("title", "意见箱").put("unit", "单位"));
    samples.put("POST /api/feedback/messages/{messageId}/triage", () -> new JsonObject().put("status", "read"));
    samples.put("PUT /api/feedback/handlers/{accountId}", () -> new JsonObject().put("handles", true));
    samples.put("POST /api/events/{eventId}/screen-links", () -> new JsonObject().put("label", "大屏一"));
    samples.put("POST /api/probation/entries", () -> new JsonObject().put("name", "周八").put("formerPost", "科员")
        .put("currentPost", "副科长").put("unit", "县财政局").put("appointedOn", "2025-05-06").put("months", 12));
    samples.put("PUT /api/probation/entries/{entryId}", () -> new JsonObject().put("name", "周八")
        .put("currentPost", "副科长").put("appointedOn", "2025-05-06"));
    samples.put("POST /api/probation/paste", () -> new JsonObject().put("tsv", Fixtures.PROBATION_REGISTER));
    samples.put("POST /api/probation/assessments", () -> new JsonObject()
        .put("entryIds", new io.vertx.core.json.JsonArray().add(UUID.randomUUID().toString())));
    samples.put("POST /api/events/{eventId}/probation-cadres", () -> new JsonObject().put("year", 2025));
    samples.put("POST /api/v/{token}", () -> Voting.ballot(Voting.newNonce(), voting.validAnswers()));
  }
}
