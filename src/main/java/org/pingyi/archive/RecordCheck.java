package org.pingyi.archive;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingyi.event.ArchiveGate;
import org.pingyi.event.Event;
import org.pingyi.event.EventDetails;
import org.pingyi.http.AppError;
import org.pingyi.http.ErrorCode;
import org.pingyi.slip.UnusedSerials;

/** The completeness check against the database: the event's details plus its slips and pending paper ballots. */
public final class RecordCheck implements ArchiveGate {
  private final RecordRepository repository = new RecordRepository();

  public Future<List<RecordGap>> missing(SqlClient client, Event event) {
    return repository.counts(client, event.id()).compose(counts -> {
      long unaccounted = counts.unaccounted();
      // Which serials are unused is named only once voting is over: while it is open, the list would change as each
      // slip is used, telling anyone who reloads it which slip (and so, to whoever handed it out, whose) just voted.
      Future<List<String>> runs = unaccounted == 0 || !event.status().votingOver() ? Future.succeededFuture(List.of())
          : UnusedSerials.of(client, event.id()).map(UnusedSerials::runTexts);
      EventDetails d = event.details();
      return runs.map(serials -> CompletenessCheck.of(new RecordFacts(event.status(), d.counters(),
          d.supervisors(), d.responsibleName(), d.responsibleTitle(), d.date(), unaccounted, counts.pendingPaper(),
          serials)));
    });
  }

  @Override
  public Future<Void> checkComplete(SqlClient tx, Event event) {
    return missing(tx, event).compose(missing -> {
      if (missing.isEmpty()) return Future.succeededFuture();
      Map<String, String> fields = new LinkedHashMap<>();
      missing.forEach(m -> fields.put(m.code(), m.message()));
      return Future.failedFuture(AppError.of(ErrorCode.RECORD_INCOMPLETE,
          "资料不完整，不能归档：" + String.join("；", fields.values()), fields));
    });
  }

  static JsonObject toJson(List<RecordGap> gaps) {
    JsonArray items = new JsonArray();
    gaps.forEach(gap -> items.add(new JsonObject().put("code", gap.code()).put("message", gap.message())));
    return new JsonObject().put("complete", gaps.isEmpty()).put("missing", items);
  }
}
