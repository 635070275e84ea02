package org.pingyi.archive;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.List;
import java.util.UUID;
import org.pingyi.ballot.BallotForm;
import org.pingyi.event.Event;
import org.pingyi.event.EventService;
import org.pingyi.event.EventStatus;
import org.pingyi.http.AppError;
import org.pingyi.http.ErrorCode;
import org.pingyi.rawexport.ExportedForm;
import org.pingyi.rawexport.RawExportService;
import org.pingyi.tally.Disclosure;
import org.pingyi.tally.TallyReport;
import org.pingyi.tally.TallySnapshots;

/** Reads an archived event's {@link ArchiveSnapshot}: once per zip, in one read-only transaction. */
final class ArchiveSnapshotReader {
  private final Pool pool;
  private final EventService events;
  private final RawExportService rawExports;
  private final ArchiveZipRepository repository;

  ArchiveSnapshotReader(Pool pool, EventService events, RawExportService rawExports, ArchiveZipRepository repository) {
    this.pool = pool;
    this.events = events;
    this.rawExports = rawExports;
    this.repository = repository;
  }

  /** 409 until the event is archived. The connection goes back to the pool as soon as the reads are done. */
  Future<ArchiveSnapshot> read(UUID eventId) {
    return pool.withTransaction(tx -> repository.readOnlySnapshot(tx).compose(v -> events.get(tx, eventId))
        .compose(event -> archived(event).compose(v -> read(tx, event))));
  }

  private Future<ArchiveSnapshot> read(SqlClient tx, Event event) {
    return rawExports.prepare(tx, event).compose(raw -> {
      List<BallotForm> forms = raw.forms().stream().map(ExportedForm::ballotForm).toList();
      Future<TallyReport> report = TallySnapshots.report(tx, event.id(), forms, event.details().expectedAttendance(),
          Disclosure.FINAL);
      return Future.all(repository.archivedAt(tx, event.id()), report)
          .map(both -> new ArchiveSnapshot(event, raw, forms, both.resultAt(0), both.resultAt(1)));
    });
  }

  /** The zip is the record of an archived event: before that, its contents could still change. */
  static Future<Void> archived(Event event) {
    return event.status() == EventStatus.ARCHIVED
        ? Future.succeededFuture()
        : Future.failedFuture(AppError.of(ErrorCode.EVENT_NOT_ARCHIVED,
            "归档后才能生成归档包（活动当前状态为“" + event.status().label() + "”）"));
  }
}
