package org.pingyi.rawexport;

import java.util.UUID;
import org.pingyi.ballot.BallotForm;
import org.pingyi.form.FormDefinition;

/**
 * A frozen form as the exports carry it: its canonical document (the exact text whose SHA-256 was recorded
 * when voting opened, so a reader can check the two against each other) and its parsed model.
 */
public record ExportedForm(UUID id, String frozenSha256, String canonicalJson, FormDefinition definition) {

  public BallotForm ballotForm() {
    return new BallotForm(id.toString(), definition);
  }
}
