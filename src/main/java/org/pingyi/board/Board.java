package org.pingyi.board;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;

/**
 * An event's published receipts: what the board shows about the event, and every receipt code, sorted.
 *
 * @param codes sorted as text, which is the order of the hashes they are cut from: nothing about when each came in
 */
public record Board(String title, String organizingUnit, LocalDate date, String venue, List<String> codes) {

  public Board {
    codes = List.copyOf(codes);
  }

  JsonObject toJson() {
    return new JsonObject()
        .put("event", new JsonObject().put("title", title).put("organizingUnit", organizingUnit)
            .put("date", date == null ? null : date.toString()).put("venue", venue))
        .put("count", codes.size())
        .put("receipts", new JsonArray(codes));
  }
}
