package org.pingyi.form;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON codec of a form (docs/form-format.md), the form package's only door to Vert.x JSON: parsing
 * reports every missing or mistyped field as a {@link FieldError} and never fails any other way.
 */
public final class FormJson {

  private FormJson() {
  }

  /**
   * Reads a form document. Only shape is checked here (presence and JSON types); value rules are
   * {@code formeditor.FormValidator}'s.
   *
   * @throws FormProblems with every field error, keyed by JSON path
   */
  public static FormDefinition parse(JsonObject json) {
    if (json == null) {
      throw FormProblems.of("form", "缺少表单内容");
    }
    List<FieldError> errors = new ArrayList<>();
    FormDefinition form;
    try {
      form = FormJsonReader.form(new FormJsonFields(json, "", errors));
    } catch (RuntimeException unexpected) {
      // The reader is written not to throw; this keeps the promise if a JSON value we did not foresee
      // (a foreign object put into the JsonObject by Java code) slips through.
      throw FormProblems.of("form", "表单格式无法识别");
    }
    if (!errors.isEmpty()) {
      throw new FormProblems(errors);
    }
    return form;
  }

  /** Writes a form document; {@code parse(toJson(form))} equals {@code form}. */
  public static JsonObject toJson(FormDefinition form) {
    return FormJsonWriter.form(form);
  }
}
