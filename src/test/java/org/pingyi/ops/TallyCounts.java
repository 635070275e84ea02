package org.pingyi.ops;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reads per-option counts out of a /tally document, wherever the question sits in its forms and sections. */
final class TallyCounts {
  private TallyCounts() {
  }

  /** Option id → count of the question with this id. */
  static Map<String, Long> options(JsonObject tally, String questionId) {
    JsonObject question = find(tally, o -> questionId.equals(o.getValue("id")) && o.getValue("options") instanceof JsonArray)
        .orElseThrow(() -> new AssertionError("no question " + questionId + " in " + tally.encode()));
    return counts(question.getJsonArray("options"));
  }

  /** Candidate id → votes, of the (one) recommended position. */
  static Map<String, Long> candidates(JsonObject tally) {
    JsonObject position = find(tally, o -> o.getValue("candidates") instanceof JsonArray a && !a.isEmpty()
        && a.getJsonObject(0).containsKey("count"))
        .orElseThrow(() -> new AssertionError("no recommended position in " + tally.encode()));
    return counts(position.getJsonArray("candidates"));
  }

  private static Map<String, Long> counts(JsonArray rows) {
    Map<String, Long> counts = new HashMap<>();
    for (Object row : rows) {
      JsonObject r = (JsonObject) row;
      if (r.getLong("count") > 0) counts.put(r.getString("id"), r.getLong("count"));
    }
    return counts;
  }

  private static Optional<JsonObject> find(Object node, java.util.function.Predicate<JsonObject> wanted) {
    if (node instanceof JsonObject o) {
      if (wanted.test(o)) return Optional.of(o);
      for (String key : o.fieldNames()) {
        Optional<JsonObject> found = find(o.getValue(key), wanted);
        if (found.isPresent()) return found;
      }
    } else if (node instanceof JsonArray a) {
      for (Object item : a) {
        Optional<JsonObject> found = find(item, wanted);
        if (found.isPresent()) return found;
      }
    }
    return Optional.empty();
  }
}
