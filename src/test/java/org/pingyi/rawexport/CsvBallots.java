package org.pingyi.rawexport;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pingyi.support.CsvReader;

/**
 * Reads the raw CSV back into ballots as the server stores them ({"category", "channel", "unreadable",
 * "answers"}), turning the printed words back into ids with the frozen forms: the test's own inverse of the
 * export, written from docs/form-format.md rather than from the exporter's code.
 */
final class CsvBallots {
  private final List<JsonObject> forms;
  private Map<String, String> row;

  /** @param forms the event's forms as GET /api/events/{id}/forms lists them, in order */
  CsvBallots(List<JsonObject> forms) {
    this.forms = forms;
  }

  List<JsonObject> read(String csv) {
    List<List<String>> records = CsvReader.read(csv.substring(1));
    List<String> headers = records.get(0);
    List<JsonObject> ballots = new ArrayList<>();
    for (List<String> record : records.subList(1, records.size())) {
      row = new HashMap<>();
      for (int i = 0; i < headers.size(); i++) row.put(headers.get(i), CsvReader.value(record.get(i)));
      ballots.add(ballot());
    }
    return ballots;
  }

  private JsonObject ballot() {
    boolean unreadable = row.get("无法辨认").equals("是");
    JsonObject answers = new JsonObject();
    if (!unreadable) forms.forEach(form -> answers.put(form.getString("id"), formAnswers(form.getJsonObject("definition"))));
    return new JsonObject().put("category", row.get("票类")).put("channel", row.get("渠道").equals("纸质") ? "paper" : "phone")
        .put("unreadable", unreadable).put("answers", answers);
  }

  private JsonObject formAnswers(JsonObject form) {
    JsonObject out = new JsonObject();
    for (Object s : form.getJsonArray("sections")) {
      JsonObject section = (JsonObject) s;
      JsonObject subject = section.getJsonObject("subject");
      String prefix = form.getString("title") + (subject == null ? "" : "·" + subject.getString("name"));
      for (Object q : section.getJsonArray("questions")) question(out, prefix, (JsonObject) q);
    }
    return out;
  }

  private void question(JsonObject out, String prefix, JsonObject q) {
    String cell = row.get(prefix + "·" + q.getString("text"));
    Object answer = switch (q.getString("kind")) {
      case "scale" -> id(q.getJsonArray("options"), "label", cell);
      case "multi" -> ids(q.getJsonArray("options"), "label", cell);
      case "text" -> cell.isEmpty() ? null : cell;
      case "matrix" -> matrix(prefix, q);
      default -> recommendation(prefix, q);
    };
    if (answer != null) out.put(q.getString("id"), answer);
  }

  private JsonObject matrix(String prefix, JsonObject q) {
    JsonObject out = new JsonObject();
    for (Object r : q.getJsonArray("rows")) {
      JsonObject matrixRow = (JsonObject) r;
      String rowPrefix = prefix + "·" + matrixRow.getString("label") + "·";
      JsonObject answer = new JsonObject();
      putIf(answer, "option", id(q.getJsonArray("options"), "label", row.get(rowPrefix + "评价")));
      JsonObject reason = q.getJsonObject("reason");
      if (reason != null) putIf(answer, "reasons", ids(reason.getJsonArray("options"), "label", row.get(rowPrefix + reason.getString("label"))));
      JsonObject extra = new JsonObject();
      for (Object e : q.getJsonArray("extra")) {
        JsonObject scale = (JsonObject) e;
        putIf(extra, scale.getString("id"), id(scale.getJsonArray("options"), "label", row.get(rowPrefix + scale.getString("label"))));
      }
      if (!extra.isEmpty()) answer.put("extra", extra);
      if (!answer.isEmpty()) out.put(matrixRow.getString("id"), answer);
    }
    return out.isEmpty() ? null : out;
  }

  private JsonObject recommendation(String prefix, JsonObject q) {
    JsonObject out = new JsonObject();
    for (Object p : q.getJsonArray("positions")) {
      JsonObject position = (JsonObject) p;
      String positionPrefix = prefix + "·" + position.getString("title") + "·";
      JsonObject answer = new JsonObject();
      putIf(answer, "selected", ids(position.getJsonArray("candidates"), "name", row.get(positionPrefix + "推荐")));
      String writeIns = row.getOrDefault(positionPrefix + "另行推荐", "");
      if (!writeIns.isEmpty()) answer.put("writeIns", new JsonArray(Arrays.asList((Object[]) writeIns.split("；"))));
      if (!answer.isEmpty()) out.put(position.getString("id"), answer);
    }
    return out.isEmpty() ? null : out;
  }

  private static void putIf(JsonObject target, String key, Object value) {
    if (value != null) target.put(key, value);
  }

  private static String id(JsonArray items, String labelKey, String label) {
    if (label == null || label.isEmpty()) return null;
    return items.stream().map(JsonObject.class::cast).filter(o -> o.getString(labelKey).equals(label))
        .findFirst().orElseThrow(() -> new AssertionError("no item labelled " + label)).getString("id");
  }

  private static JsonArray ids(JsonArray items, String labelKey, String cell) {
    if (cell == null || cell.isEmpty()) return null;
    JsonArray ids = new JsonArray();
    for (String label : cell.split("；")) ids.add(id(items, labelKey, label));
    return ids;
  }
}
