package org.pingyi.rawexport;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The raw ballots as an xlsx workbook through POI's streaming SXSSF. Sheet 选票 holds the same table as the
 * CSV; sheet 说明 names the event, the forms and their SHA-256. Every cell is a string cell, so no answer can
 * become a formula.
 *
 * <p>POI builds the workbook (its parts, styles, the header row and the whole 说明 sheet); the ballots' rows are
 * not kept by SXSSF but written, as its SheetDataWriter would write them ({@link SheetRows}), straight into the
 * zip entry of the 选票 sheet while the zip goes out: no temporary file holds the sheet, nothing is compressed
 * twice, and the first bytes leave before the last ballot is read. The ballots are counted first, in the same
 * snapshot, for the numbers that come before the rows (the sheet's dimension, 选票张数).
 */
public final class RawBallotXlsx {
  private static final int WINDOW = 100;

  private RawBallotXlsx() {
  }

  /** Writes the workbook; blocking work, for a worker thread. */
  static void write(OutputStream out, RawExport export, RawBallotRepository.Ballots ballots) throws IOException {
    long count = ballots.count();
    if (count >= SpreadsheetVersion.EXCEL2007.getMaxRows()) {
      // What SXSSF's createRow said when it held the rows: the sheet cannot have a row for every ballot.
      throw new IllegalArgumentException("Invalid row number (" + count + ") outside allowable range (0.."
          + SpreadsheetVersion.EXCEL2007.getLastRowIndex() + ")");
    }
    try (StreamedWorkbook workbook = new StreamedWorkbook()) {
      SXSSFSheet sheet = workbook.createSheet("选票");
      CellStyle bold = boldStyle(workbook);
      List<String> headers = export.columns().headers();
      fill(sheet.createRow(0), headers, bold);
      sheet.createFreezePane(0, 1);
      workbook.stream(sheet, count, rows -> {
        RawBallotColumns columns = export.columns();
        AnswerDecoder decoder = columns.decoder();
        String[] cells = new String[columns.size()];
        long rowNumber = 0;
        while (ballots.hasNext()) {
          rowNumber++;
          columns.cells(rowNumber, ballots.next(), export.categories(), decoder, cells);
          rows.row(rowNumber, cells);
        }
        if (rowNumber != count) throw new IllegalStateException(count + " ballots counted, " + rowNumber + " read");
      });
      notes(workbook.createSheet("说明"), export, count, bold);
      workbook.write(out);
      out.flush();
    }
  }

  /** What writes a streamed sheet's rows after the ones SXSSF holds. */
  @FunctionalInterface
  private interface RowSource {
    void write(SheetRows rows) throws IOException;
  }

  /** SXSSF, with one sheet's rows written at the moment the sheet's zip entry is (see the class comment). */
  private static final class StreamedWorkbook extends SXSSFWorkbook {
    private SXSSFSheet streamed;
    private long lastRow;
    private RowSource rows;

    StreamedWorkbook() {
      super(WINDOW);
    }

    /** {@code source} writes rows 1 to {@code rows} of {@code sheet} (whose row 0 SXSSF holds). */
    void stream(SXSSFSheet sheet, long rows, RowSource source) {
      this.streamed = sheet;
      this.lastRow = rows;
      this.rows = source;
    }

    /** The dimension SXSSF records from the rows it holds, stretched to the rows still to come. */
    @Override
    protected void flushSheets() throws IOException {
      super.flushSheets();
      if (streamed == null) return;
      XSSFSheet sheet = _wb.getSheet(streamed.getSheetName());
      CellRangeAddress held = sheet.getDimension();
      sheet.setDimensionOverride(new CellRangeAddress(held.getFirstRow(), Math.toIntExact(lastRow),
          held.getFirstColumn(), held.getLastColumn()));
    }

    /**
     * Deflate's fastest level: the 选票 sheet is some 1 KB of XML a ballot, and at the default level compressing
     * it took longer than everything else in the file (at 100,000 ballots: 0.3 s instead of 0.9 s of CPU, for a
     * file of 9.9 MB instead of 7.8). The parts inside are the same bytes either way.
     */
    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
      ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
      zip.setLevel(Deflater.BEST_SPEED);
      return zip;
    }

    @Override
    protected ISheetInjector createSheetInjector(SXSSFSheet sheet) throws IOException {
      ISheetInjector held = super.createSheetInjector(sheet);
      if (sheet != streamed) return held;
      return out -> {
        held.writeSheetData(out);
        SheetRows sheetRows = new SheetRows(out);
        rows.write(sheetRows);
        sheetRows.flush();
      };
    }
  }

  /**
   * Rows of string cells, as SXSSF's SheetDataWriter writes a row whose cells were set with setCellValue(String)
   * and no style: an empty value has no cell; inline strings, escaped as POI escapes them.
   */
  static final class SheetRows {
    private final Utf8Sink sink;
    private String[] columnNames = new String[0];

    SheetRows(OutputStream out) {
      this.sink = new Utf8Sink(out);
    }

    /** One row; {@code number} counts from 0 as POI's rows do (the header is row 0). */
    void row(long number, String[] cells) throws IOException {
      String reference = Long.toString(number + 1);
      sink.write("<row r=\"");
      sink.write(reference);
      sink.write("\">\n");
      for (int i = 0; i < cells.length; i++) {
        String value = cells[i];
        if (value == null || value.isEmpty()) continue;
        sink.write("<c r=\"");
        sink.write(columnName(i));
        sink.write(reference);
        sink.write(leadingOrTrailingSpace(value) ? "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
            : "\" t=\"inlineStr\"><is><t>");
        escaped(value);
        sink.write("</t></is></c>");
      }
      sink.write("</row>\n");
    }

    void flush() throws IOException {
      sink.flush();
    }

    private String columnName(int column) {
      if (column >= columnNames.length) {
        String[] names = new String[column + 1];
        for (int i = 0; i < names.length; i++) names[i] = CellReference.convertNumToColString(i);
        columnNames = names;
      }
      return columnNames[column];
    }

    private static boolean leadingOrTrailingSpace(String value) {
      return Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1));
    }

    /** SheetDataWriter.outputEscapedString: entities for markup and line breaks, '?' for what XML cannot hold. */
    private void escaped(String value) throws IOException {
      int plain = 0;
      int length = value.length();
      for (int i = 0; i < length; i++) {
        char c = value.charAt(i);
        String entity = switch (c) {
          case '<' -> "&lt;";
          case '>' -> "&gt;";
          case '&' -> "&amp;";
          case '"' -> "&quot;";
          case '\n' -> "&#xa;";
          case '\r' -> "&#xd;";
          case '\t' -> "&#x9;";
          case '\u00A0' -> "&#xa0;";
          default -> c < ' ' || c == '\uFFFE' || c == '\uFFFF' ? "?" : null;
        };
        if (entity == null) continue;
        if (plain < i) sink.write(value.substring(plain, i));
        sink.write(entity);
        plain = i + 1;
      }
      sink.write(plain == 0 ? value : value.substring(plain));
    }
  }

  private static void notes(SXSSFSheet sheet, RawExport export, long ballots, CellStyle bold) {
    int r = 0;
    fill(sheet.createRow(r++), List.of("活动", export.title()), bold);
    fill(sheet.createRow(r++), List.of("组织单位", String.valueOf(export.event().getString("organizingUnit"))), null);
    fill(sheet.createRow(r++), List.of("日期", String.valueOf(export.event().getString("date"))), null);
    fill(sheet.createRow(r++), List.of("选票张数", Long.toString(ballots)), null);
    fill(sheet.createRow(r++), List.of("排列顺序", RawBallotJson.ORDER), null);
    fill(sheet.createRow(r++), List.of("多选", "多项选择以“" + RawBallotColumns.SEPARATOR + "”分隔"), null);
    fill(sheet.createRow(r++), List.of("小类别",
        "选票不足 " + export.categories().minGroupSize() + " 张的参评人员类别不单列，合并为“其他”"), null);
    r++;
    fill(sheet.createRow(r++), List.of("表单", "表单编号", "冻结时的 SHA-256"), bold);
    for (ExportedForm form : export.forms()) {
      fill(sheet.createRow(r++), List.of(form.definition().title(), form.id().toString(), form.frozenSha256()), null);
    }
  }

  private static void fill(Row row, List<String> values, CellStyle style) {
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).isEmpty()) continue;
      var cell = row.createCell(i);
      cell.setCellValue(values.get(i));
      if (style != null) cell.setCellStyle(style);
    }
  }

  private static CellStyle boldStyle(SXSSFWorkbook workbook) {
    Font font = workbook.createFont();
    font.setBold(true);
    CellStyle style = workbook.createCellStyle();
    style.setFont(font);
    return style;
  }
}
