package org.pingyi.ballot;

import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.pingyi.form.FormJson;

/** A frozen form both as stored (sent to the voter's page) and parsed (to check ballots against). */
public record FrozenForm(UUID id, JsonObject definition, BallotForm parsed) {

  static FrozenForm of(UUID id, JsonObject definition) {
    return new FrozenForm(id, definition, new BallotForm(id.toString(), FormJson.parse(definition)));
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id.toString()).put("definition", definition);
  }
}
