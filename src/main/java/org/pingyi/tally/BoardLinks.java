package org.pingyi.tally;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.pingyi.event.EventStatus;

/**
 * Where an event's receipts board is, for its tally snapshot: the board feature answers, so that the tally
 * never depends on it. Empty while voting is open: the board's key would lead nowhere yet.
 */
@FunctionalInterface
public interface BoardLinks {
  BoardLinks NONE = (status, boardKey) -> Optional.empty();

  Optional<JsonObject> of(EventStatus status, String boardKey);
}
