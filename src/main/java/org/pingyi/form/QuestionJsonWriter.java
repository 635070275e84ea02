package org.pingyi.form;

import static org.pingyi.form.FormJsonWriter.array;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Writes each question kind; the counterpart of {@link QuestionJsonReader}. */
final class QuestionJsonWriter {

  private QuestionJsonWriter() {
  }

  static JsonObject question(Question q) {
    JsonObject json = new JsonObject().put("id", q.id()).put("kind", q.kind()).put("text", q.text());
    if (q instanceof ScaleQuestion s) {
      return json.put("required", s.required()).put("options", array(s.options(), QuestionJsonWriter::option));
    }
    if (q instanceof MultiQuestion m) {
      return json.put("required", m.required()).put("max", m.max())
          .put("options", array(m.options(), QuestionJsonWriter::choice));
    }
    if (q instanceof TextQuestion t) {
      return json.put("required", t.required()).put("maxLength", t.maxLength());
    }
    if (q instanceof MatrixQuestion m) {
      return matrix(json, m);
    }
    RecommendationQuestion r = (RecommendationQuestion) q;
    return json.put("mode", r.mode())
        .put("approveOptions", r.approveOptions() == null ? null : array(r.approveOptions(), QuestionJsonWriter::choice))
        .put("positions", array(r.positions(), QuestionJsonWriter::position));
  }

  private static JsonObject matrix(JsonObject json, MatrixQuestion m) {
    json.put("required", m.required())
        .put("columns", array(m.columns(), c -> new JsonObject().put("key", c.key()).put("label", c.label())))
        .put("rows", array(m.rows(), QuestionJsonWriter::row))
        .put("rowHeader", m.rowHeader())
        .put("options", array(m.options(), QuestionJsonWriter::option));
    if (m.reason() != null) {
      json.put("reason", new JsonObject().put("label", m.reason().label())
          .put("whenOptions", new JsonArray(m.reason().whenOptions()))
          .put("max", m.reason().max())
          .put("options", array(m.reason().options(), QuestionJsonWriter::choice)));
    }
    return json.put("extra", array(m.extra(), e -> new JsonObject().put("id", e.id()).put("label", e.label())
        .put("required", e.required()).put("options", array(e.options(), QuestionJsonWriter::option))));
  }

  private static JsonObject row(MatrixRow r) {
    JsonObject attributes = new JsonObject();
    r.attributes().forEach(attributes::put);
    return new JsonObject().put("id", r.id()).put("label", r.label()).put("weight", r.weight())
        .put("attributes", attributes);
  }

  private static JsonObject position(Position p) {
    return new JsonObject().put("id", p.id()).put("title", p.title()).put("seats", p.seats())
        .put("writeIns", p.writeIns()).put("equalSlate", p.equalSlate())
        .put("candidates", array(p.candidates(), c -> new JsonObject().put("id", c.id()).put("name", c.name())
            .put("gender", c.gender()).put("birth", c.birth()).put("currentPost", c.currentPost())));
  }

  private static JsonObject option(ScaleOption o) {
    JsonObject json = new JsonObject().put("id", o.id()).put("label", o.label());
    if (o.score() != null) {
      json.put("score", o.score());
    }
    // Flags are written only when set, as in docs/form-format.md, to keep the document readable.
    if (o.favourable()) {
      json.put("favourable", true);
    }
    if (o.unknown()) {
      json.put("unknown", true);
    }
    return json;
  }

  private static JsonObject choice(Choice c) {
    return new JsonObject().put("id", c.id()).put("label", c.label());
  }
}
