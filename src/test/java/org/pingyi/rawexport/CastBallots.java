package org.pingyi.rawexport;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pingyi.support.Api;
import org.pingyi.support.Voting;

/**
 * An event (the three forms of {@link Voting}) with varied ballots cast on phones and entered on paper by two
 * clerks: write-ins and 意见建议 with commas, quotes, line breaks, Chinese, emoji and would-be formulas, and one
 * unreadable paper ballot. Each readable ballot's 意见建议 is unique, so the order they were cast in can be told.
 */
public final class CastBallots {
  private static final List<String> TEXTS = List.of("加强监督，严格程序", "他说：\"要公开\"", "第一行\n第二行",
      "=HYPERLINK(\"http://example.com\",\"点击\")", "+1 同意", "-减少会议", "@所有人", "'已有撇号", "😀 表情🎉",
      "中文，逗号,半角");
  private static final List<String> GRADES = List.of("good", "fair", "average", "poor");
  private static final List<String> CADRE = List.of("agree", "basic", "disagree", "unknown");
  private static final List<String> CANVASS = List.of("no", "yes", "unknown");
  private static final List<String> WRITE_INS = List.of("王五, 副局长", "\"小李\"", "周😀", "吴\n六");

  public final Voting voting;
  /** The 意见建议 of every readable ballot, in the order the server accepted them. */
  public final List<String> castOrder = new ArrayList<>();
  private int made;

  private CastBallots(Voting voting) {
    this.voting = voting;
  }

  /** Opens the event, casts the ballots, enters the paper ones (plus one unreadable) and closes voting. */
  public static CastBallots cast(Api organizer, Api secondClerk, String title, int phoneA, int phoneB, int paperB) {
    CastBallots cast = new CastBallots(Voting.open(organizer, title));
    if (phoneA > 0) cast.voting.slips(organizer, "A", phoneA).forEach(token -> cast.phone(organizer, token));
    if (phoneB > 0) cast.voting.slips(organizer, "B", phoneB).forEach(token -> cast.phone(organizer, token));
    List<String> serials = cast.paperSerials(organizer, paperB + 1);
    for (String serial : serials.subList(0, paperB)) cast.paper(organizer, secondClerk, serial);
    JsonObject unreadable = new JsonObject().put("serial", serials.get(paperB)).put("unreadable", true);
    expect(organizer.post(cast.paperPath(), unreadable), 202);
    expect(secondClerk.post(cast.paperPath(), unreadable), 201);
    expect(organizer.post("/api/events/" + cast.voting.eventId + "/close", null), 200);
    return cast;
  }

  /** The next ballot's answers; every choice varies with its number. */
  public JsonObject nextAnswers() {
    int n = made++;
    String text = TEXTS.get(n % TEXTS.size()) + "（第" + n + "张）";
    castOrder.add(text);
    JsonObject cadreWork = new JsonObject().put("q1", GRADES.get(n % 4)).put("q2", GRADES.get((n / 2) % 4))
        .put("q3", GRADES.get((n + 1) % 4)).put("q5", text);
    JsonArray problems = new JsonArray();
    for (int p = 1; p <= 12; p++) if ((n + p) % 5 == 0) problems.add("p" + p);
    if (!problems.isEmpty()) cadreWork.put("q4", problems);
    if (n % 3 == 0) cadreWork.put("q6", "建议，" + n);
    JsonObject rows = new JsonObject();
    for (int r = 1; r <= 3; r++) {
      String option = CADRE.get((n + r) % 4);
      JsonObject row = new JsonObject().put("option", option).put("extra", new JsonObject().put("canvass", CANVASS.get((n + r) % 3)));
      if (option.equals("disagree") && n % 2 == 0) row.put("reasons", new JsonArray().add("ability").add("other"));
      rows.put("r" + r, row);
    }
    JsonObject position = switch (n % 4) {
      case 0 -> new JsonObject().put("selected", new JsonArray().add("c1"));
      case 1 -> new JsonObject().put("selected", new JsonArray().add("c2"));
      case 2 -> new JsonObject().put("writeIns", new JsonArray().add(WRITE_INS.get((n / 4) % WRITE_INS.size())));
      default -> new JsonObject();
    };
    return new JsonObject()
        .put(voting.cadreWorkForm, cadreWork)
        .put(voting.newCadresForm, new JsonObject().put("cadres", rows))
        .put(voting.recommendationForm, new JsonObject().put("rec", new JsonObject().put("p1", position)));
  }

  private void phone(Api api, String token) {
    expect(api.post("/api/v/" + token, Voting.ballot(Voting.newNonce(), nextAnswers())), 201);
  }

  private void paper(Api first, Api second, String serial) {
    JsonObject entry = new JsonObject().put("serial", serial).put("answers", nextAnswers());
    expect(first.post(paperPath(), entry), 202);
    expect(second.post(paperPath(), entry), 201);
  }

  private List<String> paperSerials(Api organizer, int count) {
    var issued = organizer.post("/api/events/" + voting.eventId + "/slips",
        new JsonObject().put("category", "B").put("format", "csv").put("count", count).put("reason", "测试：按需多发"));
    expect(issued, 200);
    return Arrays.stream(issued.bodyAsString().split("\r\n")).skip(1).map(line -> line.substring(0, line.indexOf(',')))
        .map(serial -> serial.replace("\uFEFF", "")).toList();
  }

  private String paperPath() {
    return "/api/events/" + voting.eventId + "/paper-ballots";
  }

  private static void expect(io.vertx.ext.web.client.HttpResponse<?> response, int status) {
    if (response.statusCode() != status) {
      throw new AssertionError("expected " + status + " but got " + response.statusCode() + ": " + response.bodyAsString());
    }
  }
}
