package org.pingyi.archive;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.UUID;
import org.pingyi.db.WorkerSql;
import org.pingyi.event.EventService;
import org.pingyi.rawexport.RawExportService;
import org.pingyi.summary.SummaryExports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The archive zip (归档包) of an archived event, and its manifest hash, computed once and kept in the database. */
public final class ArchiveZipService {
  private static final Logger LOG = LoggerFactory.getLogger(ArchiveZipService.class);

  private final Pool pool;
  private final EventService events;
  private final SummaryExports summaryExports;
  private final WorkerExecutor workers;
  private final ArchiveZipRepository repository = new ArchiveZipRepository();
  private final ArchiveSnapshotReader snapshots;

  public ArchiveZipService(Pool pool, EventService events, RawExportService rawExports, SummaryExports summaryExports,
                       WorkerExecutor workers) {
    this.pool = pool;
    this.events = events;
    this.summaryExports = summaryExports;
    this.workers = workers;
    this.snapshots = new ArchiveSnapshotReader(pool, events, rawExports, repository);
  }

  /** Everything but the streamed files, from one read of the record; 409 until the event is archived. */
  Future<ArchiveZipContents> prepare(UUID eventId) {
    return snapshots.read(eventId).compose(this::rendered);
  }

  /**
   * summary.xlsx and summary.pdf: small, rendered whole on the summary feature's worker, byte for byte the same
   * each time.
   */
  private Future<ArchiveZipContents> rendered(ArchiveSnapshot snapshot) {
    return Future.all(summaryExports.xlsx(snapshot.event(), snapshot.forms(), snapshot.report()),
            summaryExports.pdf(snapshot.event(), snapshot.forms(), snapshot.report()))
        .map(both -> new ArchiveZipContents(snapshot.raw(), snapshot.archivedAt(), List.of(
            ArchiveZipEntry.of("summary.xlsx", both.<Buffer>resultAt(0)),
            ArchiveZipEntry.of("summary.pdf", both.<Buffer>resultAt(1)))));
  }

  /** Writes the zip on the calling worker thread from one read-only snapshot; returns its manifest. */
  String write(OutputStream out, ArchiveZipContents contents, Context eventLoop) throws IOException {
    try (WorkerSql sql = WorkerSql.begin(eventLoop, pool)) {
      return ArchiveZipWriter.write(out, ArchiveZipEntries.of(contents, sql), contents.archivedLocal());
    }
  }

  /** The manifest and its hash: stored, or else computed now (the zip written to nowhere) and stored. */
  Future<JsonObject> manifest(UUID eventId, Context eventLoop) {
    return events.get(pool, eventId).compose(ArchiveSnapshotReader::archived)
        .compose(v -> repository.manifest(pool, eventId))
        .compose(stored -> stored.isPresent() ? Future.succeededFuture() : prepare(eventId)
            .compose(contents -> workers.executeBlocking(
                () -> write(OutputStream.nullOutputStream(), contents, eventLoop), false))
            .compose(text -> remember(eventId, text)))
        .compose(v -> repository.manifest(pool, eventId)).map(stored -> toJson(stored.orElseThrow()));
  }

  /** After a download: the first manifest is kept; a different one later means the record changed, and is logged. */
  Future<Void> remember(UUID eventId, String manifest) {
    return repository.remember(pool, eventId, manifest).compose(v -> repository.manifest(pool, eventId))
        .map(stored -> {
          if (stored.isPresent() && !stored.get().text().equals(manifest)) {
            LOG.error("The archive zip of event {} no longer matches its manifest {} recorded earlier", eventId,
                stored.get().sha256());
          }
          return null;
        });
  }

  private static JsonObject toJson(ArchiveZipRepository.StoredManifest stored) {
    JsonArray files = new JsonArray();
    Manifest.parse(stored.text()).forEach(line -> files.add(new JsonObject().put("name", line.name())
        .put("sha256", line.sha256())));
    return new JsonObject().put("sha256", stored.sha256()).put("fileName", Manifest.FILE_NAME)
        .put("manifest", stored.text()).put("files", files);
  }
}
