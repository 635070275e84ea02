package org.pingyi.form;

/**
 * One problem with a submitted form, keyed by its JSON path (e.g. {@code sections[0].questions[2].options}),
 * with a Chinese message the console shows beside the field.
 */
public record FieldError(String path, String message) {
}
