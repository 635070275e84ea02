package org.pingyi.rawexport;

import java.io.IOException;
import java.io.OutputStream;
import org.pingyi.http.Downloads;

/** The three raw ballot files: their media type, file name and writer. */
public enum RawFormat {
  CSV("text/csv; charset=utf-8", "csv", RawBallotCsv::write),
  JSON("application/json; charset=utf-8", "json", RawBallotJson::write),
  XLSX(Downloads.XLSX, "xlsx", RawBallotXlsx::write);

  /** Writes one file from the export's details and its ballots, on a worker thread. */
  @FunctionalInterface
  interface Writer {
    void write(OutputStream out, RawExport export, RawBallotRepository.Ballots ballots) throws IOException;
  }

  private final String contentType;
  private final String extension;
  private final Writer writer;

  RawFormat(String contentType, String extension, Writer writer) {
    this.contentType = contentType;
    this.extension = extension;
    this.writer = writer;
  }

  public String contentType() {
    return contentType;
  }

  /** ballots.csv and so on: the name inside the archive bundle and the ASCII fallback of a download. */
  public String fileName() {
    return "ballots." + extension;
  }

  Writer writer() {
    return writer;
  }
}
