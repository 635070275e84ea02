package org.pingyi.summary;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.pingyi.ballot.BallotForm;
import org.pingyi.ballot.FrozenForm;
import org.pingyi.ballot.FrozenFormCache;
import org.pingyi.event.Event;
import org.pingyi.event.EventService;
import org.pingyi.http.AppError;
import org.pingyi.http.Downloads;
import org.pingyi.http.ErrorCode;
import org.pingyi.pdf.CjkFont;
import org.pingyi.tally.Disclosure;
import org.pingyi.tally.TallyReport;
import org.pingyi.tally.TallySnapshots;

/**
 * The summary tables (汇总表) of a closed or archived event as xlsx or PDF, for the export routes and the archive
 * bundle. Reading is asynchronous; building and rendering run on a worker thread, never on an event loop.
 */
public final class SummaryExports {
  static final String PDF_TYPE = "application/pdf";
  /** Meetings are dated in China: a date alone becomes that day's midnight there. */
  private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

  private final WorkerExecutor workers;
  private final Pool pool;
  private final EventService events;
  private final TallySnapshots snapshots;
  private final FrozenFormCache forms;

  /** @param workers where the tables are rendered: the exports' own bounded pool, not the logins' workers */
  public SummaryExports(WorkerExecutor workers, Pool pool, EventService events, FrozenFormCache forms,
                        TallySnapshots snapshots) {
    this.workers = workers;
    this.pool = pool;
    this.events = events;
    this.forms = forms;
    this.snapshots = snapshots;
  }

  /** A rendered file with the name and type it is sent under. */
  record SummaryFile(String name, String contentType, Buffer bytes) {
  }

  public Future<Buffer> xlsx(UUID eventId) {
    return file(eventId, false).map(SummaryFile::bytes);
  }

  public Future<Buffer> pdf(UUID eventId) {
    return file(eventId, true).map(SummaryFile::bytes);
  }

  /**
   * As {@link #xlsx(UUID)}, from an event, forms and final report the caller has read already (the archive zip
   * reads its record once for all its files) and whose voting it has checked is over.
   */
  public Future<Buffer> xlsx(Event event, List<BallotForm> parsed, TallyReport report) {
    return workers.executeBlocking(() -> render(event, parsed, report, false), false).map(SummaryFile::bytes);
  }

  /** As {@link #xlsx(Event, List, TallyReport)}, the PDF. */
  public Future<Buffer> pdf(Event event, List<BallotForm> parsed, TallyReport report) {
    if (!CjkFont.available()) {
      return Future.failedFuture(CjkFont.missing("xlsx"));
    }
    return workers.executeBlocking(() -> render(event, parsed, report, true), false).map(SummaryFile::bytes);
  }

  public static String xlsxFileName(Event event) {
    return baseName(event) + ".xlsx";
  }

  public static String pdfFileName(Event event) {
    return baseName(event) + ".pdf";
  }

  Future<SummaryFile> file(UUID eventId, boolean pdf) {
    if (pdf && !CjkFont.available()) {
      return Future.failedFuture(CjkFont.missing("xlsx"));
    }
    return events.get(pool, eventId).compose(event -> closedEventFile(event, pdf));
  }

  /** Tables are the record of a finished vote: while voting is open the figures are still changing. */
  private Future<SummaryFile> closedEventFile(Event event, boolean pdf) {
    if (!event.status().votingOver()) {
      throw AppError.of(ErrorCode.EVENT_NOT_CLOSED,
          "投票结束后才能导出汇总表（活动当前状态为“" + event.status().label() + "”）");
    }
    return forms.formsOf(pool, event.id()).map(all -> all.stream().map(FrozenForm::parsed).toList())
        .compose(parsed -> snapshots.report(event.id(), parsed, event.details().expectedAttendance(), Disclosure.FINAL)
            .compose(report -> workers.executeBlocking(() -> render(event, parsed, report, pdf), false)));
  }

  private static SummaryFile render(Event event, List<BallotForm> parsed, TallyReport report, boolean pdf) {
    List<SummaryTable> tables = SummaryTables.of(event.details(), parsed, report);
    OffsetDateTime stamp = stamp(event);
    if (pdf) return new SummaryFile(pdfFileName(event), PDF_TYPE, Buffer.buffer(SummaryPdf.render(tables, stamp, seed(event))));
    return new SummaryFile(xlsxFileName(event), Downloads.XLSX, Buffer.buffer(SummaryXlsx.render(tables, stamp)));
  }

  /** The files' own dates: the meeting's day, else when the event was created; never the clock. */
  static OffsetDateTime stamp(Event event) {
    if (event.details().date() != null) return event.details().date().atStartOfDay().atOffset(CHINA);
    return event.createdAt().withOffsetSameInstant(CHINA).withNano(0);
  }

  private static byte[] seed(Event event) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(("pingyi-summary|" + event.id()).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** 活动名称-汇总表, without the characters file systems refuse. */
  private static String baseName(Event event) {
    return Downloads.fileTitle(event.details().title(), "测评活动") + "-汇总表";
  }
}
