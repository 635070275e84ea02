package org.pingyi.rawexport;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pingyi.db.WorkerSql;
import org.pingyi.event.Event;
import org.pingyi.event.EventService;
import org.pingyi.form.FormRules;
import org.pingyi.http.AppError;
import org.pingyi.http.ErrorCode;

/** Raw ballot exports: allowed once voting has closed, written on a worker while the ballots stream from a cursor. */
public final class RawExportService {
  private final Pool pool;
  private final EventService events;
  private final RawBallotRepository repository = new RawBallotRepository();

  public RawExportService(Pool pool, EventService events) {
    this.pool = pool;
    this.events = events;
  }

  /** The event, its frozen forms and the column model; 409 while the event is a draft or voting is open. */
  public Future<RawExport> prepare(UUID eventId) {
    return events.get(pool, eventId).compose(event -> prepare(pool, event));
  }

  /** As {@link #prepare(UUID)} for an event already read, through {@code client}: the archive zip's one snapshot. */
  public Future<RawExport> prepare(SqlClient client, Event event) {
    if (!event.status().votingOver()) {
      return Future.failedFuture(AppError.of(ErrorCode.EVENT_NOT_CLOSED,
          "投票结束后才能导出选票（活动当前状态为“" + event.status().label() + "”）"));
    }
    return Future.all(repository.frozenForms(client, event.id()), repository.ballotsPerCategory(client, event.id()))
        .map(both -> export(event, both.resultAt(0), both.resultAt(1)));
  }

  /** Writes one raw file on the calling worker thread, from a read-only transaction of its own. */
  public void write(RawFormat format, RawExport export, OutputStream out, Context eventLoop) throws IOException {
    try (WorkerSql sql = WorkerSql.begin(eventLoop, pool)) {
      write(format, export, out, sql);
    }
  }

  /** Writes one raw file on the calling worker thread, within the caller's transaction (the archive bundle). */
  public static void write(RawFormat format, RawExport export, OutputStream out, WorkerSql sql) throws IOException {
    try (var ballots = RawBallotRepository.ballots(sql, export.eventId())) {
      format.writer().write(out, export, ballots);
    }
  }

  private static RawExport export(Event event, List<ExportedForm> forms, Map<String, Long> ballotCounts) {
    Map<String, String> names = new LinkedHashMap<>();
    event.details().categories().forEach(c -> names.put(c.code(), c.name()));
    // The strictest of the forms' settings: a category small enough to hide on any table stays hidden here.
    int minGroupSize = forms.stream().mapToInt(f -> f.definition().rules().minGroupSize()).max()
        .orElse(FormRules.DEFAULT_MIN_GROUP_SIZE);
    RawBallotColumns columns = RawBallotColumns.of(forms.stream().map(ExportedForm::ballotForm).toList());
    return new RawExport(event.id(), event.toJson(), forms, columns,
        RawCategories.of(names, ballotCounts, minGroupSize));
  }
}
