package org.pingyi.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

/**
 * The raw ballots as CSV (RFC 4180, CRLF between records), UTF-8 with a byte-order mark so that Excel and WPS
 * read the Chinese; written row by row as the ballots arrive.
 */
public final class RawBallotCsv {
  private static final String BOM = "\uFEFF";

  private RawBallotCsv() {
  }

  /** Writes the table and flushes; {@code out} stays open (it may be a zip entry). */
  public static void write(OutputStream out, RawExport export, Iterator<RawBallot> ballots) throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    writer.write(BOM);
    record(writer, export.columns().headers());
    long number = 0;
    while (ballots.hasNext()) {
      record(writer, export.columns().cells(++number, ballots.next(), export.categories()));
    }
    writer.flush();
  }

  private static void record(Writer writer, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) writer.write(',');
      writer.write(cell(cells.get(i)));
    }
    writer.write("\r\n");
  }

  /**
   * One field. A value that a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage
   * return) gets a leading apostrophe, so that a voter's 意见建议 "=HYPERLINK(...)" stays text; so does a value
   * already starting with an apostrophe, so that reading one apostrophe off any field starting with one gives
   * back exactly what was stored. Fields with a comma, quote or line break are quoted, quotes doubled.
   */
  static String cell(String value) {
    String text = value;
    if (!text.isEmpty() && "=+-@\t\r'".indexOf(text.charAt(0)) >= 0) text = "'" + text;
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
