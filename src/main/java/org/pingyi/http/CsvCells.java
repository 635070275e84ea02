package org.pingyi.http;

import java.io.IOException;
import java.util.List;

/**
 * CSV as every Pingyi export writes it (RFC 4180, CRLF between records, UTF-8 with a byte-order mark so that Excel
 * and WPS read the Chinese), with cells a spreadsheet cannot run as formulas.
 */
public final class CsvCells {
  /** Written first: without it Excel reads UTF-8 as the local code page and the Chinese comes out garbled. */
  public static final String BOM = "\uFEFF";

  private CsvCells() {
  }

  /** One record and its line end. */
  public static void record(Appendable out, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) out.append(',');
      out.append(cell(cells.get(i)));
    }
    out.append("\r\n");
  }

  /**
   * One field. A value that a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage
   * return) gets a leading apostrophe, so that a voter's 意见建议 "=HYPERLINK(...)" stays text; so does a value
   * already starting with an apostrophe, so that reading one apostrophe off any field starting with one gives
   * back exactly what was stored. Fields with a comma, quote or line break are quoted, quotes doubled.
   */
  public static String cell(String value) {
    String text = value;
    if (!text.isEmpty() && "=+-@\t\r'".indexOf(text.charAt(0)) >= 0) text = "'" + text;
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
