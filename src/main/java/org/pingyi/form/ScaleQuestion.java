package org.pingyi.form;

import java.util.List;

/** A single choice on an ordered scale, e.g. 好 / 较好 / 一般 / 差. */
public record ScaleQuestion(String id, String text, boolean required, List<ScaleOption> options)
    implements Question {

  public static final String KIND = "scale";

  public ScaleQuestion {
    options = List.copyOf(options);
  }

  @Override
  public String kind() {
    return KIND;
  }
}
