package org.pingyi.archive;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.pingyi.rawexport.RawExport;

/**
 * What an archived event's zip is made of, ready before the first byte: the raw export's details, when the event
 * was archived, and the summary tables (already rendered). The ballots and the audit trail stream in as it is written.
 */
record ArchiveZipContents(RawExport raw, OffsetDateTime archivedAt, List<ArchiveZipEntry> summaries) {
  /** The record's dates are Beijing time, whatever the server's zone. */
  static final ZoneId RECORD_ZONE = ZoneId.of("Asia/Shanghai");

  ArchiveZipContents {
    summaries = List.copyOf(summaries);
  }

  LocalDateTime archivedLocal() {
    return archivedAt.atZoneSameInstant(RECORD_ZONE).toLocalDateTime().withNano(0);
  }
}
