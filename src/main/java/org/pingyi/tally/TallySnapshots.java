package org.pingyi.tally;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;
import org.pingyi.http.AppError;

/**
 * An event's tally as the screens and the console read it, built from the database alone, so that every
 * instance shows the same numbers and a restart loses nothing.
 */
final class TallySnapshots {
  private static final String EVENT = """
      SELECT title, status, screen_turnout_only, expected_attendance FROM events WHERE id = $1""";
  private static final String TURNOUT = """
      SELECT c.code, c.name, c.expected,
             (SELECT count(*) FROM slips s WHERE s.event_id = c.event_id AND s.category_code = c.code) AS issued,
             (SELECT count(*) FROM slips s WHERE s.event_id = c.event_id AND s.category_code = c.code
                AND s.state = 'void') AS voided,
             (SELECT count(*) FROM ballots b WHERE b.event_id = c.event_id AND b.category_code = c.code
                AND b.channel = 'phone') AS phone,
             (SELECT count(*) FROM ballots b WHERE b.event_id = c.event_id AND b.category_code = c.code
                AND b.channel = 'paper') AS paper
      FROM voter_categories c WHERE c.event_id = $1 ORDER BY c.position""";

  private final Pool pool;

  TallySnapshots(Pool pool) {
    this.pool = pool;
  }

  Future<JsonObject> snapshot(UUID eventId) {
    return pool.preparedQuery(EVENT).execute(Tuple.of(eventId)).compose(rows -> {
      if (rows.size() == 0) throw AppError.notFound("event_not_found", "活动不存在");
      Row event = rows.iterator().next();
      boolean withheld = event.getBoolean("screen_turnout_only") && "open".equals(event.getString("status"));
      return pool.preparedQuery(TURNOUT).execute(Tuple.of(eventId)).map(categories -> {
        JsonArray perCategory = new JsonArray();
        long issued = 0;
        long voided = 0;
        long phone = 0;
        long paper = 0;
        for (Row c : categories) {
          issued += c.getLong("issued");
          voided += c.getLong("voided");
          phone += c.getLong("phone");
          paper += c.getLong("paper");
          perCategory.add(turnout(c.getInteger("expected"), c.getLong("issued"), c.getLong("voided"),
              c.getLong("phone"), c.getLong("paper")).put("code", c.getString("code")).put("name", c.getString("name")));
        }
        return new JsonObject()
            .put("event", new JsonObject().put("id", eventId.toString()).put("title", event.getString("title"))
                .put("status", event.getString("status")))
            .put("turnoutOnly", withheld)
            .put("turnout", turnout(event.getInteger("expected_attendance"), issued, voided, phone, paper)
                .put("categories", perCategory));
      });
    });
  }

  Future<Buffer> encoded(UUID eventId) {
    return snapshot(eventId).map(JsonObject::toBuffer);
  }

  /** 应到, 发出 (issued minus voided), 收回 (phone + paper). */
  private static JsonObject turnout(long expected, long issued, long voided, long phone, long paper) {
    return new JsonObject().put("expected", expected).put("issued", issued - voided).put("voided", voided)
        .put("returned", phone + paper).put("phone", phone).put("paper", paper);
  }
}
