package org.pingyi.rawexport;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;

/** Everything a raw ballot writer needs besides the ballots themselves, read before the first byte is sent. */
public record RawExport(UUID eventId, JsonObject event, List<ExportedForm> forms, RawBallotColumns columns,
                        RawCategories categories) {

  public RawExport {
    forms = List.copyOf(forms);
  }

  public String title() {
    return event.getString("title");
  }
}
