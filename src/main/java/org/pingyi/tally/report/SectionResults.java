package org.pingyi.tally.report;

import java.util.List;
import java.util.Optional;

/** A form section's question results; {@code subject} is the assessed person's name (民主测评), else null. */
public record SectionResults(String id, String title, String subject, List<QuestionResult> questions) {

  /** The result of the question with this id, if it is of the expected kind. */
  public <R extends QuestionResult> Optional<R> question(String questionId, Class<R> kind) {
    return questions.stream().filter(q -> q.id().equals(questionId)).filter(kind::isInstance).map(kind::cast).findFirst();
  }

  /** The section with this id among {@code sections}. */
  public static Optional<SectionResults> byId(List<SectionResults> sections, String id) {
    return sections.stream().filter(s -> s.id().equals(id)).findFirst();
  }
}
