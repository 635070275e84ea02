package org.pingyi.board;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.pingyi.support.Api;
import org.pingyi.support.Db;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Voting;

/** An open event with phone ballots cast over HTTP (their receipts kept, as each phone showed it) and paper ones. */
final class BoardEvent {
  final Voting voting;
  final String boardKey;
  /** The receipt code each phone was shown, in the order the ballots were cast. */
  final List<String> phoneReceipts = new ArrayList<>();

  private BoardEvent(Voting voting, String boardKey) {
    this.voting = voting;
    this.boardKey = boardKey;
  }

  static BoardEvent open(ServerExtension server, Api organizer, String title) {
    Voting voting = Voting.open(organizer, title);
    String key = new Db(server.database()).strings("SELECT board_key FROM events WHERE id = ?",
        UUID.fromString(voting.eventId)).get(0);
    return new BoardEvent(voting, key);
  }

  BoardEvent phones(ServerExtension server, Api organizer, int count) {
    for (String token : voting.slips(organizer, "A", count)) {
      var cast = server.api().post("/api/v/" + token, Voting.ballot(Voting.newNonce(), voting.validAnswers()));
      if (cast.statusCode() != 201) throw new AssertionError("cast failed: " + cast.bodyAsString());
      phoneReceipts.add(cast.bodyAsJsonObject().getString("receipt"));
    }
    return this;
  }

  /** Paper ballots entered twice, by the organizer and a clerk: their receipts are random, held by nobody. */
  BoardEvent paper(Api organizer, Api clerk, int count) {
    var issued = organizer.post("/api/events/" + voting.eventId + "/slips", new JsonObject().put("category", "B")
        .put("format", "csv").put("count", count).put("reason", "测试：按需多发"));
    List<String> serials = Arrays.stream(issued.bodyAsString().replace("\uFEFF", "").split("\r\n")).skip(1)
        .map(line -> line.substring(0, line.indexOf(','))).toList();
    for (String serial : serials) {
      JsonObject entry = new JsonObject().put("serial", serial).put("answers", voting.validAnswers());
      String path = "/api/events/" + voting.eventId + "/paper-ballots";
      if (organizer.post(path, entry).statusCode() != 202 || clerk.post(path, entry).statusCode() != 201) {
        throw new AssertionError("paper ballot " + serial + " not counted");
      }
    }
    return this;
  }

  BoardEvent close(Api organizer) {
    var closed = organizer.post("/api/events/" + voting.eventId + "/close", null);
    if (closed.statusCode() != 200) throw new AssertionError("close failed: " + closed.bodyAsString());
    return this;
  }

  String path() {
    return "/r/" + boardKey;
  }
}
