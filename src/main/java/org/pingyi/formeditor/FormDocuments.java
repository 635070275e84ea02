package org.pingyi.formeditor;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.pingyi.form.FieldError;
import org.pingyi.form.FormDefinition;
import org.pingyi.form.FormJson;
import org.pingyi.form.FormProblems;
import org.pingyi.http.AppError;

/** Turns the form domain's field errors into the HTTP error contract, with paths prefixed by where the form sits. */
final class FormDocuments {
  private FormDocuments() {
  }

  static FormDefinition parse(JsonObject json, String prefix) {
    return translated(prefix, () -> FormJson.parse(json));
  }

  static void requireValidDraft(FormDefinition definition) {
    List<FieldError> errors = FormValidator.validateDraft(definition);
    if (!errors.isEmpty()) throw invalid("definition", errors);
  }

  /** Runs an edit of the domain (a paste, say), answering 400 with its field errors when it refuses. */
  static FormDefinition translated(String prefix, Supplier<FormDefinition> edit) {
    try {
      return edit.get();
    } catch (FormProblems problems) {
      throw invalid(prefix, problems.errors());
    }
  }

  private static AppError invalid(String prefix, List<FieldError> errors) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (FieldError error : errors) {
      String path = prefix.isEmpty() ? error.path() : prefix + "." + error.path();
      fields.putIfAbsent(path, error.message());
    }
    String first = fields.keySet().iterator().next();
    return AppError.invalidInput("表单有误：" + first + " " + fields.get(first), fields);
  }
}
