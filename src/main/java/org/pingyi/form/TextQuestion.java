package org.pingyi.form;

/** A free-text answer (意见建议) of at most {@code maxLength} characters. */
public record TextQuestion(String id, String text, boolean required, int maxLength) implements Question {

  public static final String KIND = "text";

  @Override
  public String kind() {
    return KIND;
  }
}
