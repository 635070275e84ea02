package org.pingyi.form;

import java.util.List;

/** A multiple choice whose items are counted separately; {@code max} is null when there is no limit. */
public record MultiQuestion(String id, String text, boolean required, Integer max, List<Choice> options)
    implements Question {

  public static final String KIND = "multi";

  public MultiQuestion {
    options = List.copyOf(options);
  }

  @Override
  public String kind() {
    return KIND;
  }
}
