package org.pingyi.slip;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The serials of an event's slips still unused, per category, as runs of consecutive numbers (A-0007 至 A-0012):
 * what the clerk counts against the slips left on the table before voiding them or declaring them not returned.
 * Read by the completeness check too, so that it can say which slips it means.
 */
public final class UnusedSerials {
  /** Gaps and islands: number minus its rank is constant along a run of consecutive numbers. */
  private static final String RUNS = """
      WITH unused AS (
        SELECT category_code, substring(serial FROM '-([0-9]+)$')::int AS n
        FROM slips WHERE event_id = $1 AND state = 'unused'),
      islands AS (
        SELECT category_code, n, n - row_number() OVER (PARTITION BY category_code ORDER BY n) AS island FROM unused)
      SELECT i.category_code AS code, c.name, min(i.n) AS first, max(i.n) AS last
      FROM islands i JOIN voter_categories c ON c.event_id = $1 AND c.code = i.category_code
      GROUP BY i.category_code, c.name, c.position, i.island
      ORDER BY c.position, first""";

  private UnusedSerials() {
  }

  /** A run of consecutive unused serial numbers. */
  public record Run(String code, int first, int last) {
    public int count() {
      return last - first + 1;
    }

    /** As printed: "A-0003", or "A-0007 至 A-0012". */
    public String text() {
      String from = SlipTokens.serial(code, first);
      return first == last ? from : from + " 至 " + SlipTokens.serial(code, last);
    }
  }

  /** One category's unused slips. */
  public record Category(String code, String name, List<Run> runs) {
    public long count() {
      return runs.stream().mapToLong(Run::count).sum();
    }

    public String text() {
      return String.join("、", runs.stream().map(Run::text).toList());
    }
  }

  /** Every category that has unused slips, in the event's order of categories. */
  public static Future<List<Category>> of(SqlClient client, UUID eventId) {
    return client.preparedQuery(RUNS).execute(Tuple.of(eventId)).map(rows -> {
      Map<String, Category> categories = new LinkedHashMap<>();
      for (Row row : rows) {
        String code = row.getString("code");
        categories.computeIfAbsent(code, c -> new Category(c, row.getString("name"), new ArrayList<>()))
            .runs().add(new Run(code, row.getInteger("first"), row.getInteger("last")));
      }
      return List.copyOf(categories.values());
    });
  }

  /** Every run's text, categories in order: what the completeness check quotes. */
  public static List<String> runTexts(List<Category> categories) {
    return categories.stream().flatMap(c -> c.runs().stream()).map(Run::text).toList();
  }

  static JsonArray toJson(List<Category> categories) {
    JsonArray out = new JsonArray();
    for (Category c : categories) {
      JsonArray runs = new JsonArray();
      c.runs().forEach(r -> runs.add(new JsonObject().put("first", SlipTokens.serial(r.code(), r.first()))
          .put("last", SlipTokens.serial(r.code(), r.last())).put("count", r.count())));
      out.add(new JsonObject().put("category", c.code()).put("name", c.name()).put("count", c.count())
          .put("text", c.text()).put("runs", runs));
    }
    return out;
  }
}
