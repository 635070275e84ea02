package org.pingyi.rawexport;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.pingyi.http.CsvCells;

/**
 * The raw ballots as CSV ({@link CsvCells}: RFC 4180, UTF-8 with a byte-order mark, formula-safe cells);
 * written row by row as the ballots arrive, each ballot's answers read straight to its cells.
 */
public final class RawBallotCsv {
  private RawBallotCsv() {
  }

  /** Writes the table and flushes; {@code out} stays open (it may be a zip entry). */
  static void write(OutputStream out, RawExport export, RawBallotRepository.Ballots ballots) throws IOException {
    Utf8Sink sink = new Utf8Sink(out);
    sink.write(CsvCells.BOM);
    record(sink, export.columns().headers().toArray(String[]::new));
    RawBallotColumns columns = export.columns();
    AnswerDecoder decoder = columns.decoder();
    String[] cells = new String[columns.size()];
    long number = 0;
    while (ballots.hasNext()) {
      columns.cells(++number, ballots.next(), export.categories(), decoder, cells);
      record(sink, cells);
    }
    sink.flush();
  }

  /** One record and its line end, as {@link CsvCells#record(Appendable, List)} writes it. */
  private static void record(Utf8Sink sink, String[] cells) throws IOException {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) sink.write(',');
      sink.write(CsvCells.cell(cells[i]));
    }
    sink.write("\r\n");
  }

  /** One field, as {@link CsvCells#cell} writes it. */
  static String cell(String value) {
    return CsvCells.cell(value);
  }
}
