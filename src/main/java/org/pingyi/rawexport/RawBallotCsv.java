package org.pingyi.rawexport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    EncodedCells encoded = new EncodedCells(columns.size());
    long number = 0;
    while (ballots.hasNext()) {
      columns.cells(++number, ballots.next(), export.categories(), decoder, cells);
      for (int i = 0; i < cells.length; i++) {
        if (i > 0) sink.write(',');
        byte[] bytes = encoded.get(i, cells[i]);
        if (bytes != null) {
          sink.write(bytes);
        } else {
          sink.write(CsvCells.cell(cells[i]));
        }
      }
      sink.write("\r\n");
    }
    sink.flush();
  }

  /**
   * Cells as written (CsvCells, UTF-8), kept per column while the column has few distinct values: most columns
   * hold one of a form's few labels, which are then escaped and encoded once rather than on every row. A column
   * of free text (or the row number) soon has too many values and is written cell by cell.
   */
  private static final class EncodedCells {
    private static final int VALUES = 64;
    private final List<Map<String, byte[]>> columns = new ArrayList<>();

    EncodedCells(int columns) {
      for (int i = 0; i < columns; i++) this.columns.add(new HashMap<>());
    }

    /** The cell's bytes, or null if its column is not kept. */
    byte[] get(int column, String value) {
      Map<String, byte[]> kept = columns.get(column);
      if (kept == null) return null;
      byte[] bytes = kept.get(value);
      if (bytes != null) return bytes;
      if (kept.size() == VALUES) {
        columns.set(column, null);
        return null;
      }
      bytes = CsvCells.cell(value).getBytes(StandardCharsets.UTF_8);
      kept.put(value, bytes);
      return bytes;
    }
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
