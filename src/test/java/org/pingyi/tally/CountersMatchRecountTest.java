package org.pingyi.tally;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.ballot.BallotForm;
import org.pingyi.ballot.PlainJson;
import org.pingyi.crypto.StoredSecrets;
import org.pingyi.form.FormJson;
import org.pingyi.support.Api;
import org.pingyi.support.Db;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Voting;

/**
 * The counters kept with the ballots equal a full recount from the stored ballots after every batch of random
 * phone ballots (cast concurrently, so in groups) and paper ballots (over the limit, or unreadable).
 */
class CountersMatchRecountTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();

  @Test
  void afterEveryBatchTheStoredCountersEqualARecount() {
    Api admin = server.api().asAdmin();
    Api clerk1 = server.api().asAdmin().newStaff("clerk1", "clerk", "clerk1-password");
    Api clerk2 = server.api().asAdmin().newStaff("clerk2", "clerk", "clerk2-password");
    Voting voting = Voting.open(admin, "计数核对");
    Db db = new Db(server.database());
    UUID eventId = UUID.fromString(voting.eventId);
    List<BallotForm> forms = forms(admin, voting);
    Random random = new Random(7);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    for (int batch = 0; batch < 4; batch++) {
      List<CompletableFuture<HttpResponse<String>>> casts = new ArrayList<>();
      for (String token : voting.slips(admin, random.nextBoolean() ? "A" : "B", 150)) {
        casts.add(http.sendAsync(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v/" + token))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Voting.ballot(Voting.newNonce(), randomAnswers(voting, random)).encode()))
            .build(), HttpResponse.BodyHandlers.ofString()));
      }
      casts.forEach(c -> assertThat(c.join().statusCode()).isEqualTo(201));
      for (String token : voting.slips(admin, "B", 3)) {
        String serial = db.strings("SELECT serial FROM slips WHERE token_sha256 = ?", StoredSecrets.hash(token)).get(0);
        JsonObject entry = random.nextBoolean()
            ? new JsonObject().put("serial", serial).put("unreadable", true)
            : new JsonObject().put("serial", serial).put("answers", overTheLimit(voting));
        clerk1.post("/api/events/" + voting.eventId + "/paper-ballots", entry);
        assertThat(clerk2.post("/api/events/" + voting.eventId + "/paper-ballots", entry).statusCode()).isEqualTo(201);
      }

      // One snapshot: the mixer may move held ballots into the results at any moment.
      List<List<String>> read = db.snapshot(List.of(
          "SELECT key || '=' || sum(n) FROM tally_counters WHERE event_id = ? GROUP BY key", MIXED, CAST), eventId);
      assertThat(stored(read.get(0))).isEqualTo(recount(read.get(1), read.get(2), forms));
    }
    assertThat(db.count("SELECT count(*) FROM cast_ballots WHERE event_id = ?", eventId)).isEqualTo(4 * 153);

    // Closing empties the box into the results: every ballot is mixed and counted, none twice.
    assertThat(admin.post("/api/events/" + voting.eventId + "/close", null).statusCode()).isEqualTo(200);
    List<List<String>> closed = db.snapshot(List.of(
        "SELECT key || '=' || sum(n) FROM tally_counters WHERE event_id = ? GROUP BY key", MIXED, CAST), eventId);
    assertThat(closed.get(1)).hasSize(4 * 153);
    assertThat(stored(closed.get(0))).isEqualTo(recount(closed.get(1), closed.get(2), forms));
  }

  private static final String MIXED = """
      SELECT json_build_object('c', category_code, 'ch', channel, 'u', unreadable, 'a', answers)::text
      FROM ballots WHERE event_id = ?""";
  private static final String CAST = """
      SELECT json_build_object('c', category_code, 'ch', channel)::text FROM cast_ballots WHERE event_id = ?""";

  private static Map<String, Long> stored(List<String> rows) {
    Map<String, Long> counters = new HashMap<>();
    rows.forEach(r -> counters.put(r.substring(0, r.lastIndexOf('=')), Long.parseLong(r.substring(r.lastIndexOf('=') + 1))));
    return counters;
  }

  /** Results from the mixed ballots, turnout from every ballot cast (held in the box or mixed). */
  @SuppressWarnings("unchecked")
  private static Map<String, Long> recount(List<String> mixed, List<String> cast, List<BallotForm> forms) {
    Map<String, Long> total = new HashMap<>();
    for (String row : mixed) {
      JsonObject b = new JsonObject(row);
      TallyCounters.addInto(total, TallyCounters.of(forms, new CountedBallot(b.getString("c"), b.getString("ch"),
          b.getBoolean("u"), (Map<String, Object>) PlainJson.of(b.getJsonObject("a")))));
    }
    for (String row : cast) {
      JsonObject b = new JsonObject(row);
      TallyCounters.addInto(total, TallyCounters.turnout(b.getString("c"), b.getString("ch")));
    }
    return total;
  }

  private static List<BallotForm> forms(Api admin, Voting voting) {
    List<BallotForm> forms = new ArrayList<>();
    for (String id : List.of(voting.newCadresForm, voting.cadreWorkForm, voting.recommendationForm)) {
      JsonObject form = admin.get("/api/forms/" + id).bodyAsJsonObject();
      forms.add(new BallotForm(id, FormJson.parse(form.getJsonObject("definition"))));
    }
    return forms;
  }

  private static JsonObject randomAnswers(Voting voting, Random random) {
    String[] grades = {"good", "fair", "average", "poor"};
    String[] opinions = {"agree", "basic", "disagree", "unknown"};
    JsonObject work = new JsonObject().put("q1", grades[random.nextInt(4)]).put("q2", grades[random.nextInt(4)])
        .put("q3", grades[random.nextInt(4)]);
    JsonArray problems = new JsonArray();
    for (int p = 1; p <= 12; p++) if (random.nextInt(4) == 0) problems.add("p" + p);
    if (!problems.isEmpty()) work.put("q4", problems);
    JsonObject rows = new JsonObject();
    for (String row : List.of("r1", "r2", "r3")) {
      String option = opinions[random.nextInt(4)];
      JsonObject answer = new JsonObject().put("option", option).put("extra", new JsonObject().put("canvass", "no"));
      if (option.equals("disagree") && random.nextBoolean()) answer.put("reasons", new JsonArray().add("recognition"));
      rows.put(row, answer);
    }
    JsonObject rec = random.nextInt(5) == 0 ? new JsonObject()
        : new JsonObject().put("p1", new JsonObject().put("selected", new JsonArray().add(random.nextBoolean() ? "c1" : "c2")));
    return new JsonObject().put(voting.cadreWorkForm, work)
        .put(voting.newCadresForm, new JsonObject().put("cadres", rows))
        .put(voting.recommendationForm, new JsonObject().put("rec", rec));
  }

  private static JsonObject overTheLimit(Voting voting) {
    JsonObject answers = voting.validAnswers();
    answers.getJsonObject(voting.recommendationForm).getJsonObject("rec")
        .put("p1", new JsonObject().put("selected", new JsonArray().add("c1").add("c2")));
    return answers;
  }
}
