package org.pingyi.form;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a matrix: a cadre (label = name) or an assessment item (德).
 *
 * @param weight     positive row weight for the assessment score, or null for equal weights
 * @param attributes values of the matrix's columns, keyed by column key, in column order
 */
public record MatrixRow(String id, String label, Integer weight, Map<String, String> attributes) {

  public MatrixRow {
    // A LinkedHashMap copy keeps the column order for the JSON output; Map.copyOf would not.
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }
}
