package org.pingyi.ballot;

import java.util.List;
import org.pingyi.form.FormDefinition;
import org.pingyi.form.Question;

/**
 * A frozen form of an event, as a ballot answers it: answers are keyed by the form's id.
 *
 * @param questions the definition's questions in ballot order, listed once rather than for every ballot
 */
public record BallotForm(String id, FormDefinition definition, List<Question> questions) {

  public BallotForm(String id, FormDefinition definition) {
    this(id, definition, definition.questions().toList());
  }
}
