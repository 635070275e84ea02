package org.pingyi.audit;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.pingyi.http.CsvCells;

/**
 * The audit log as CSV (see {@link CsvCells}: UTF-8 with a byte-order mark, formula-safe cells), in the words the
 * console shows: a failed sign-in's typed username or an event's title reaches a spreadsheet as text, never a formula.
 */
final class AuditCsv {
  /** The zone the archive records are dated in (archive.ArchiveZipContents): a meeting's log reads in its own local time. */
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final List<String> HEADERS = List.of("编号", "时间（北京时间）", "操作人", "操作", "对象", "活动", "详情");

  private AuditCsv() {
  }

  /** The byte-order mark and the header row. */
  static Buffer head() {
    return Buffer.buffer(CsvCells.BOM + text(List.of(HEADERS)));
  }

  static Buffer rows(List<AuditRecord> records) {
    return Buffer.buffer(text(records.stream().map(AuditCsv::cells).toList()));
  }

  static List<String> cells(AuditRecord r) {
    return List.of(String.valueOf(r.id()), TIME.format(r.at().atZoneSameInstant(ZONE)), r.actorName(),
        AuditText.actionName(r.action()), AuditText.subject(r), r.eventTitle() == null ? "" : r.eventTitle(),
        AuditText.summary(r.action(), r.details()));
  }

  private static String text(List<List<String>> records) {
    StringBuilder out = new StringBuilder();
    try {
      for (List<String> record : records) CsvCells.record(out, record);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not fail
    }
    return out.toString();
  }
}
