package org.pingyi.archive;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.pingyi.db.WorkerSql;
import org.pingyi.rawexport.ExportedForm;
import org.pingyi.rawexport.RawExportService;
import org.pingyi.rawexport.RawFormat;

/**
 * The one list of the archive zip's entries, in the order written; SHA256SUMS is added after them. Every name
 * is ASCII: unzip tools that ignore the zip's UTF-8 flag (Info-ZIP in a C locale, older Windows) would garble a
 * Chinese one, and sha256sum -c would then not find the file.
 */
final class ArchiveZipEntries {

  private ArchiveZipEntries() {
  }

  /** The large files stream from {@code sql} when written, on the worker writing the zip. */
  static List<ArchiveZipEntry> of(ArchiveZipContents contents, WorkerSql sql) {
    List<ArchiveZipEntry> entries = new ArrayList<>();
    entries.add(ArchiveZipEntry.of("README.txt", ArchiveZipReadme.text(contents)));
    entries.add(ArchiveZipEntry.of("event.json", event(contents).encodePrettily() + "\n"));
    for (ExportedForm form : contents.raw().forms()) {
      // The canonical document: its SHA-256 in SHA256SUMS is the one recorded when voting opened.
      entries.add(ArchiveZipEntry.of("forms/" + form.id() + ".json", form.canonicalJson()));
    }
    for (RawFormat format : List.of(RawFormat.CSV, RawFormat.JSON)) {
      entries.add(new ArchiveZipEntry(format.fileName(),
          out -> RawExportService.write(format, contents.raw(), out, sql)));
    }
    entries.addAll(contents.summaries());
    entries.add(new ArchiveZipEntry("audit.json", out -> audit(out, contents, sql)));
    return entries;
  }

  private static JsonObject event(ArchiveZipContents contents) {
    JsonArray forms = new JsonArray();
    contents.raw().forms().forEach(f -> forms.add(new JsonObject().put("id", f.id().toString())
        .put("title", f.definition().title()).put("sha256", f.frozenSha256())
        .put("file", "forms/" + f.id() + ".json")));
    return contents.raw().event().copy().put("archivedAt", contents.archivedAt().toString()).put("forms", forms);
  }

  private static void audit(OutputStream out, ArchiveZipContents contents, WorkerSql sql) throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    try (WorkerSql.Rows rows = ArchiveZipRepository.auditRows(sql, contents.raw().eventId())) {
      Iterator<JsonObject> entries = ArchiveZipRepository.audit(rows);
      writer.write("[");
      boolean first = true;
      while (entries.hasNext()) {
        writer.write(first ? "\n" : ",\n");
        writer.write(entries.next().encode());
        first = false;
      }
      writer.write("\n]\n");
    }
    writer.flush();
  }
}
