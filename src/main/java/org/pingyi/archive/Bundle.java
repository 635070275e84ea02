package org.pingyi.archive;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.pingyi.rawexport.RawExport;

/**
 * What an archived event's bundle is made of, read before the first byte: the raw export's details, when the
 * event was archived, and the summary tables (already rendered).
 */
record Bundle(RawExport raw, OffsetDateTime archivedAt, List<BundleFile> summaries) {
  /** The record's dates are Beijing time, whatever the server's zone. */
  static final ZoneId RECORD_ZONE = ZoneId.of("Asia/Shanghai");

  Bundle {
    summaries = List.copyOf(summaries);
  }

  LocalDateTime archivedLocal() {
    return archivedAt.atZoneSameInstant(RECORD_ZONE).toLocalDateTime().withNano(0);
  }
}
