package org.pingyi.rawexport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.pingyi.http.CsvCells;

/**
 * The raw ballots as CSV ({@link CsvCells}: RFC 4180, UTF-8 with a byte-order mark, formula-safe cells);
 * written row by row as the ballots arrive.
 */
public final class RawBallotCsv {
  private RawBallotCsv() {
  }

  /** Writes the table and flushes; {@code out} stays open (it may be a zip entry). */
  public static void write(OutputStream out, RawExport export, Iterator<RawBallot> ballots) throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    writer.write(CsvCells.BOM);
    CsvCells.record(writer, export.columns().headers());
    long number = 0;
    while (ballots.hasNext()) {
      CsvCells.record(writer, export.columns().cells(++number, ballots.next(), export.categories()));
    }
    writer.flush();
  }

  /** One field, as {@link CsvCells#cell} writes it. */
  static String cell(String value) {
    return CsvCells.cell(value);
  }
}
