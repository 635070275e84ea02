package org.pingyi.vote;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.Db;
import org.pingyi.support.LogCapture;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Slow;
import org.pingyi.support.SseStream;
import org.pingyi.support.TestDatabase;
import org.pingyi.support.Voting;
import org.postgresql.PGConnection;

/**
 * Plays the auditor of issue 11 against a real server and database: 240 ballots, phone and paper, cast in a
 * known order, first one at a time (a small meeting, the mixer keeping up after every ballot) and then 100 at
 * once; then every linkage an auditor with superuser SQL, the server log and a recorded live stream would try.
 *
 * <p>The statistic: for each attack, the number of ballots it pairs with their own slip (equivalently, with their
 * own moment: slips are used in cast order and the log gives that order). Mixing in shuffled batches of at least
 * k leaves at most one right guess per batch to be expected, so an attack may recover no more than n / k of the
 * n ballots; before the ballot box, each of these attacks recovered all of them.
 */
@Slow
class AnonymityAuditTest {
  private static final int K = 5;
  private static final int SLOW = 140;
  /** Slips of category B, used on phones and on paper; category A takes the rest of the slow phase. */
  private static final int B_BALLOTS = 30;
  private static final int FAST_PHONE = 100;

  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  private static Api organizer;
  private static Api clerk1;
  private static Api clerk2;
  private static Db db;
  private static Voting voting;
  private static UUID eventId;
  /** The serial of each ballot's slip, by the ballot's number (its place in the cast order, written in its q5). */
  private static final List<String> serialOf = new ArrayList<>();
  private static final Map<String, String> channelOf = new HashMap<>();
  private static List<JsonObject> streamed;

  @BeforeAll
  static void castInAKnownOrderAndClose() throws Exception {
    Api admin = server.api().asAdmin();
    organizer = admin.newStaff("organizer", "organizer", "organizer-pass");
    clerk1 = server.api().asAdmin().newStaff("clerk1", "clerk", "clerk1-password");
    clerk2 = server.api().asAdmin().newStaff("clerk2", "clerk", "clerk2-password");
    voting = Voting.open(organizer, "匿名审计");
    eventId = UUID.fromString(voting.eventId);
    db = new Db(server.database());
    String path = "/api/events/" + voting.eventId;
    assertThat(organizer.put(path + "/screen", new JsonObject().put("turnoutOnly", false)).statusCode()).isEqualTo(200);
    List<String> phoneA = voting.slips(organizer, "A", SLOW + FAST_PHONE);
    List<String> slipsB = voting.slips(organizer, "B", 40);

    try (SseStream stream = SseStream.open(server.baseUrl() + path + "/tally/stream", "Bearer " + organizer.token())) {
      // A small meeting: one ballot at a time, and the mixer has its turn after every one (the worst case: each
      // batch is exactly k, taken from the 2k held). Some ballots are category B's, on phones and on paper.
      int a = 0;
      int b = 0;
      for (int i = 0; i < SLOW; i++) {
        if (i % 7 == 6 && b < B_BALLOTS) {
          paper(i, "B-" + String.format("%04d", ++b));
        } else if (i % 5 == 4 && b < B_BALLOTS) {
          phone(i, slipsB.get(b), "B-" + String.format("%04d", ++b));
        } else {
          phone(i, phoneA.get(a), "A-" + String.format("%04d", ++a));
        }
        waitForTheMixer();
      }
      // A rush: 100 at once.
      List<CompletableFuture<HttpResponse<String>>> rush = new ArrayList<>();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      for (int i = 0; i < FAST_PHONE; i++) {
        int number = serialOf.size();
        serialOf.add("A-" + String.format("%04d", ++a));
        channelOf.put(String.valueOf(number), "phone");
        rush.add(http.sendAsync(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v/" + phoneA.get(a - 1)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Voting.ballot(Voting.newNonce(), answers(number)).encode()))
            .build(), HttpResponse.BodyHandlers.ofString()));
      }
      rush.forEach(r -> assertThat(r.join().statusCode()).isEqualTo(201));
      Thread.sleep(1500);
      assertThat(organizer.post(path + "/close", null).statusCode()).isEqualTo(200);
      stream.await(s -> "closed".equals(s.getJsonObject("event").getString("status")), Duration.ofSeconds(5));
      streamed = stream.raw().lines().filter(l -> l.startsWith("data: ")).map(l -> new JsonObject(l.substring(6))).toList();
    }
    assertThat(serialOf).hasSize(SLOW + FAST_PHONE);
  }

  @Test
  void everyBallotIsStoredAndNothingIsLeftInTheBoxOrThePaperEntries() {
    assertThat(db.count("SELECT count(*) FROM ballots WHERE event_id = ?", eventId)).isEqualTo(serialOf.size());
    assertThat(db.count("SELECT count(*) FROM held_ballots")).isZero();
    assertThat(db.count("SELECT count(*) FROM paper_entries")).isZero();
    // The dead versions of deleted held ballots and paper entries, which still hold their contents, are vacuumed.
    assertThat(db.strings("""
        SELECT relname FROM pg_stat_user_tables
        WHERE relname IN ('held_ballots', 'paper_entries') AND coalesce(last_vacuum, last_autovacuum) IS NOT NULL
        ORDER BY relname""")).containsExactly("held_ballots", "paper_entries");
  }

  @Test
  void noBallotSharesATransactionWithItsSlipOrItsPaperAuditRow() {
    List<String> bySlip = db.strings("""
        SELECT b.answers #>> ?::text[] || '=' || s.serial FROM ballots b JOIN slips s ON b.xmin = s.xmin
        WHERE b.event_id = ?""", q5(), eventId);
    List<String> byAudit = db.strings("""
        SELECT b.answers #>> ?::text[] || '=' || a.object_id FROM ballots b JOIN audit_log a ON b.xmin = a.xmin
        WHERE b.event_id = ?""", q5(), eventId);

    assertThat(recovered(bySlip)).isZero();
    assertThat(recovered(byAudit)).isZero();
    // The attack itself works: a paper ballot's slip and its audit row do share their transaction, as the ballot
    // and its slip did before the ballot box.
    long paper = channelOf.values().stream().filter("paper"::equals).count();
    assertThat(db.count("""
        SELECT count(*) FROM slips s JOIN audit_log a ON a.xmin = s.xmin AND a.object_id = s.serial
        WHERE s.event_id = ? AND a.action = 'paper.counted'""", eventId)).isEqualTo(paper);
  }

  @Test
  void rowOrderPairsNoMoreThanOneBallotInKWithItsSlip() throws Exception {
    // The attack itself works: ballots lying in the order they were cast (as they did before the ballot box) are
    // every one paired with its own slip.
    List<String> inCastOrder = new ArrayList<>();
    for (int n = 0; n < serialOf.size(); n++) {
      inCastOrder.add(serialOf.get(n).substring(0, 1) + "|" + channelOf.get(String.valueOf(n)) + "|投票序号" + n);
    }
    assertThat(pairInOrder(inCastOrder)).isEqualTo(serialOf.size());

    for (String stage : List.of("closed", "vacuum freeze", "vacuum full")) {
      if (stage.equals("vacuum freeze")) superuser("VACUUM FREEZE ballots, slips");
      if (stage.equals("vacuum full")) superuser("VACUUM FULL ballots, slips");
      for (String order : List.of("b.ctid", "b.xmin::text::bigint, b.ctid", "b.id")) {
        int hits = rankAttack(order);
        System.out.printf("Anonymity audit: %s, ballots ordered by %s: %d of %d paired with their own slip%n",
            stage, order, hits, serialOf.size());
        assertThat(hits).as("%s, ballots ordered by %s", stage, order).isLessThanOrEqualTo(serialOf.size() / K);
      }
      assertThat(dumpAttack()).as("%s, pg_dump order", stage).isLessThanOrEqualTo(serialOf.size() / K);
    }
  }

  @Test
  void theServerLogGivesTheCastOrderButNoTokenNoAddressAndNoAnswer() {
    List<String> casts = LogCapture.lines().stream().filter(l -> l.contains("POST /api/v/")).toList();
    // One line per cast, in cast order: exactly the order the rank attacks above pair with, to no avail.
    assertThat(casts.stream().filter(l -> l.contains(" 201"))).hasSizeGreaterThanOrEqualTo(
        (int) channelOf.values().stream().filter("phone"::equals).count());
    assertThat(casts).allMatch(l -> l.contains("/api/v/***")).noneMatch(l -> l.contains("投票序号"))
        .noneMatch(l -> l.matches(".*\\b\\d{1,3}(\\.\\d{1,3}){3}\\b.*"));
  }

  @Test
  void liveResultsNeverStepByFewerThanKBallotsAndNoCategoryIsShownBeforeTheClose() {
    List<JsonObject> open = streamed.stream().filter(s -> "open".equals(s.getJsonObject("event").getString("status")))
        .toList();
    assertThat(open).hasSizeGreaterThan(20);
    assertThat(streamed.get(streamed.size() - 1).getJsonObject("event").getString("status")).isEqualTo("closed");
    long stepsSeen = 0;
    for (int i = 1; i < streamed.size(); i++) {
      JsonObject before = streamed.get(i - 1);
      JsonObject after = streamed.get(i);
      long step = inResults(after) - inResults(before);
      boolean resultsMoved = !results(before).equals(results(after));
      if (resultsMoved && "open".equals(before.getJsonObject("event").getString("status"))) {
        stepsSeen++;
        assertThat(step).as("a step of the live results").isGreaterThanOrEqualTo(K);
        for (int c = 0; c < 2; c++) {
          long categoryStep = categoryInResults(after, c) - categoryInResults(before, c);
          assertThat(categoryStep == 0 || categoryStep >= K).as("category step %s", categoryStep).isTrue();
        }
      }
    }
    assertThat(stepsSeen).isGreaterThan(5);
    for (JsonObject snapshot : open) {
      for (Object form : snapshot.getJsonArray("forms")) {
        for (Object category : ((JsonObject) form).getJsonArray("categories")) {
          assertThat(((JsonObject) category).getString("suppressed")).isEqualTo("untilClose");
          assertThat(((JsonObject) category).containsKey("sections")).isFalse();
        }
      }
    }
  }

  @Test
  void aCoercerWithHisOwnSlipCannotCheckWhetherADictatedBallotWasCast() {
    Voting fresh = Voting.open(organizer, "胁迫核查");
    List<String> tokens = fresh.slips(organizer, "A", 2);
    String nonce = Voting.newNonce();
    JsonObject dictated = fresh.validAnswers();
    assertThat(server.api().post("/api/v/" + tokens.get(0), Voting.ballot(nonce, dictated)).statusCode()).isEqualTo(201);
    assertThat(server.api().post("/api/v/" + tokens.get(1), Voting.ballot(Voting.newNonce(), dictated)).statusCode())
        .isEqualTo(201);

    var coercer = server.api().post("/api/v/" + tokens.get(1), Voting.ballot(nonce, dictated));
    var victimRetry = server.api().post("/api/v/" + tokens.get(0), Voting.ballot(nonce, dictated));

    assertThat(coercer.statusCode()).isEqualTo(409);
    assertThat(coercer.bodyAsJsonObject().containsKey("receipt")).isFalse();
    assertThat(victimRetry.statusCode()).isEqualTo(200);
    assertThat(victimRetry.bodyAsJsonObject().getBoolean("replay")).isTrue();
  }

  // ---- the attacks

  /** Pairs the i-th ballot (in the given physical order) with the i-th slip used, per category and channel. */
  private static int rankAttack(String order) {
    List<String> ballots = db.strings("SELECT b.category_code || '|' || b.channel || '|' || (b.answers #>> ?::text[]) FROM ballots b "
        + "WHERE b.event_id = ? ORDER BY " + order, q5(), eventId);
    return pairInOrder(ballots);
  }

  /** The order pg_dump writes: COPY of the whole table, as it lies on disk. */
  private static int dumpAttack() throws Exception {
    try (Connection c = connect()) {
      StringWriter out = new StringWriter();
      c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY ballots TO STDOUT (FORMAT csv)", out);
      List<String> ballots = new ArrayList<>();
      for (String line : out.toString().split("\n")) {
        if (!line.contains(voting.eventId)) continue;
        String marker = line.replaceAll(".*投票序号(\\d+).*", "$1");
        String category = line.contains(",A,") ? "A" : "B";
        ballots.add(category + "|" + channelOf.get(marker) + "|投票序号" + marker);
      }
      return pairInOrder(ballots);
    }
  }

  /**
   * The slips used, in each category and channel, in the order they were used (their xmin order, which the access
   * log's timestamps give too), paired rank by rank with the ballots of that category and channel in the given
   * order: how many ballots land on their own slip.
   */
  private static int pairInOrder(List<String> ballots) {
    Map<String, List<Integer>> slipsByGroup = new LinkedHashMap<>();
    for (int n = 0; n < serialOf.size(); n++) {
      String group = serialOf.get(n).substring(0, 1) + "|" + channelOf.get(String.valueOf(n));
      slipsByGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(n);
    }
    Map<String, Integer> rank = new HashMap<>();
    int hits = 0;
    for (String ballot : ballots) {
      String[] parts = ballot.split("\\|");
      String group = parts[0] + "|" + parts[1];
      int r = rank.merge(group, 1, Integer::sum) - 1;
      int number = Integer.parseInt(parts[2].replace("投票序号", ""));
      if (slipsByGroup.get(group).get(r) == number) hits++;
    }
    return hits;
  }

  /** Of pairs "marker=serial", how many pair a ballot with its own slip's serial. */
  private static long recovered(List<String> pairs) {
    return pairs.stream().filter(p -> {
      String[] parts = p.split("=");
      int number = Integer.parseInt(parts[0].replace("投票序号", ""));
      return serialOf.get(number).equals(parts[1]);
    }).count();
  }

  // ---- casting

  private static void phone(int number, String token, String serial) {
    serialOf.add(serial);
    channelOf.put(String.valueOf(number), "phone");
    var cast = server.api().post("/api/v/" + token, Voting.ballot(Voting.newNonce(), answers(number)));
    assertThat(cast.statusCode()).isEqualTo(201);
  }

  private static void paper(int number, String serial) {
    serialOf.add(serial);
    channelOf.put(String.valueOf(number), "paper");
    JsonObject entry = new JsonObject().put("serial", serial).put("answers", answers(number));
    assertThat(clerk1.post("/api/events/" + voting.eventId + "/paper-ballots", entry).statusCode()).isEqualTo(202);
    assertThat(clerk2.post("/api/events/" + voting.eventId + "/paper-ballots", entry).statusCode()).isEqualTo(201);
  }

  /** Each ballot says which it is in its free-text answer, so the auditor's guesses can be scored. */
  private static JsonObject answers(int number) {
    JsonObject answers = voting.validAnswers();
    answers.getJsonObject(voting.cadreWorkForm).put("q5", "投票序号" + number);
    return answers;
  }

  private static String q5() {
    return "{" + voting.cadreWorkForm + ",q5}";
  }

  /** Until the mixer has had its turn: no group holds 2k ballots, the point at which it mixes. */
  private static void waitForTheMixer() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (db.count("""
        SELECT count(*) FROM (SELECT 1 FROM held_ballots WHERE event_id = ? GROUP BY category_code, channel
          HAVING count(*) >= ?) AS full_groups""", eventId, 2 * K) > 0) {
      if (System.nanoTime() > deadline) throw new AssertionError("the mixer did not mix a full group within 10 s");
      Thread.sleep(20);
    }
  }

  /** The forms' figures without their 到会 line (quorum), which is turnout and public in the hall. */
  private static JsonArray results(JsonObject snapshot) {
    JsonArray forms = snapshot.getJsonArray("forms").copy();
    forms.forEach(f -> ((JsonObject) f).remove("quorum"));
    return forms;
  }

  private static long inResults(JsonObject snapshot) {
    return snapshot.getJsonObject("turnout").getLong("inResults");
  }

  private static long categoryInResults(JsonObject snapshot, int category) {
    JsonArray categories = snapshot.getJsonObject("turnout").getJsonArray("categories");
    return categories.getJsonObject(category).getLong("inResults");
  }

  private static void superuser(String sql) throws Exception {
    try (Connection c = connect(); var s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** As the auditor of the attacks: the superuser, not the application role the server connects with. */
  private static Connection connect() throws Exception {
    var settings = TestDatabase.superuser(server.database());
    return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
  }
}
