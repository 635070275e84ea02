package org.pingyi.form;

import java.util.List;

/**
 * A multiple choice asked for a matrix row when one of {@code whenOptions} is chosen (不认同的原因);
 * {@code max} is null when there is no limit.
 */
public record Reason(String label, List<String> whenOptions, Integer max, List<Choice> options) {

  public Reason {
    whenOptions = List.copyOf(whenOptions);
    options = List.copyOf(options);
  }
}
