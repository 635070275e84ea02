package org.pingyi.ballot;

import org.pingyi.form.FormDefinition;

/** A frozen form of an event, as a ballot answers it: answers are keyed by the form's id. */
public record BallotForm(String id, FormDefinition definition) {
}
