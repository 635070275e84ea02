package org.pingyi.archive;

import java.time.OffsetDateTime;
import java.util.List;
import org.pingyi.ballot.BallotForm;
import org.pingyi.event.Event;
import org.pingyi.rawexport.RawExport;
import org.pingyi.tally.TallyReport;

/**
 * An archived event read once, in one read-only snapshot: the event, its frozen forms and ballot counts (the raw
 * export's details), when it was archived, and its final tally. Every file of the zip that is not streamed is
 * rendered from this, so none can disagree with another, and the record is read once per zip, not once per file.
 *
 * @param forms the raw export's frozen forms as the tally reads them (parsed from the same rows, not read again)
 */
record ArchiveSnapshot(Event event, RawExport raw, List<BallotForm> forms, OffsetDateTime archivedAt,
                       TallyReport report) {

  ArchiveSnapshot {
    forms = List.copyOf(forms);
  }
}
