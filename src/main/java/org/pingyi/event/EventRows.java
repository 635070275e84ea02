package org.pingyi.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.List;

/** Maps an events row (with its categories aggregated as JSON) to an {@link Event}. */
final class EventRows {
  private EventRows() {
  }

  static Event event(Row row) {
    EventDetails details = new EventDetails(
        row.getString("title"), row.getString("organizing_unit"), row.getLocalDate("event_date"),
        row.getString("venue"), row.getInteger("expected_attendance"), categories((JsonArray) row.getValue("categories")),
        strings((JsonArray) row.getValue("counters")), strings((JsonArray) row.getValue("supervisors")),
        row.getString("responsible_name"), row.getString("responsible_title"));
    return new Event(row.getUUID("id"), details, EventStatus.fromWire(row.getString("status")),
        row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"));
  }

  private static List<VoterCategory> categories(JsonArray array) {
    List<VoterCategory> categories = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonObject c = array.getJsonObject(i);
      Number weight = c.getNumber("weight");
      categories.add(new VoterCategory(c.getString("code"), c.getString("name"), c.getInteger("expected"),
          weight == null ? null : weight.doubleValue()));
    }
    return categories;
  }

  private static List<String> strings(JsonArray array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(String.valueOf(v)));
    return values;
  }
}
