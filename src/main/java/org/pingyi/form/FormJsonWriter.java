package org.pingyi.form;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;

/** Writes a form in the docs/form-format.md shape; optional parts that are absent are left out. */
final class FormJsonWriter {

  private FormJsonWriter() {
  }

  static JsonObject form(FormDefinition f) {
    return new JsonObject()
        .put("schema", f.schema())
        .put("template", f.template())
        .put("title", f.title())
        .put("instructions", f.instructions())
        .put("rules", rules(f.rules()))
        .put("sections", array(f.sections(), FormJsonWriter::section));
  }

  private static JsonObject rules(FormRules r) {
    JsonObject json = new JsonObject().put("minGroupSize", r.minGroupSize());
    if (r.unfavourable() != null) {
      json.put("unfavourable", threshold(r.unfavourable().threshold())
          .put("options", new JsonArray(r.unfavourable().options())));
    }
    if (r.majority() != null) {
      json.put("majority", threshold(r.majority()));
    }
    if (r.quorum() != null) {
      json.put("quorum", fraction(r.quorum()));
    }
    return json;
  }

  private static JsonObject threshold(Threshold t) {
    return fraction(t.share()).put("comparison", t.comparison());
  }

  private static JsonObject fraction(Fraction f) {
    return new JsonObject().put("numerator", f.numerator()).put("denominator", f.denominator());
  }

  private static JsonObject section(Section s) {
    JsonObject json = new JsonObject().put("id", s.id()).put("title", s.title());
    if (s.subject() != null) {
      json.put("subject", new JsonObject().put("name", s.subject().name()).put("post", s.subject().post()));
    }
    return json.put("questions", array(s.questions(), QuestionJsonWriter::question));
  }

  static <T> JsonArray array(List<T> items, Function<T, Object> write) {
    JsonArray out = new JsonArray();
    items.forEach(item -> out.add(write.apply(item)));
    return out;
  }
}
