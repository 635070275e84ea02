package org.pingyi.form;

import java.util.List;

/** A block of questions on the ballot; {@code subject} is the assessed person, or null for ordinary sections. */
public record Section(String id, String title, Subject subject, List<Question> questions) {

  public Section {
    questions = List.copyOf(questions);
  }
}
