package org.pingyi.form;

import java.util.List;

/**
 * Thrown when a form document (or a paste imported into one) cannot be read; carries every field error,
 * so the HTTP layer can answer 400 {@code invalid_input} with all of them at once.
 */
public final class FormProblems extends RuntimeException {

  private final transient List<FieldError> errors;

  public FormProblems(List<FieldError> errors) {
    // No stack trace: this is an expected answer to bad input, not a fault worth logging.
    super(summary(errors), null, false, false);
    this.errors = List.copyOf(errors);
  }

  public static FormProblems of(String path, String message) {
    return new FormProblems(List.of(new FieldError(path, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  private static String summary(List<FieldError> errors) {
    return errors.isEmpty() ? "invalid form" : errors.get(0).path() + ": " + errors.get(0).message();
  }
}
