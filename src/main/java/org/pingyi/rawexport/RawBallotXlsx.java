package org.pingyi.rawexport;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The raw ballots as an xlsx workbook through POI's streaming SXSSF: only the last {@link #WINDOW} rows are in
 * memory, earlier ones are flushed to a temporary file, so 100,000 ballots need no more heap than 100. Sheet
 * 选票 holds the same table as the CSV; sheet 说明 names the event, the forms and their SHA-256. Every cell is
 * a string cell, so no answer can become a formula.
 */
public final class RawBallotXlsx {
  private static final int WINDOW = 100;

  private RawBallotXlsx() {
  }

  /** Writes the workbook; blocking work, for a worker thread. */
  public static void write(OutputStream out, RawExport export, Iterator<RawBallot> ballots) throws IOException {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
      workbook.setCompressTempFiles(true);
      SXSSFSheet sheet = workbook.createSheet("选票");
      CellStyle bold = boldStyle(workbook);
      List<String> headers = export.columns().headers();
      fill(sheet.createRow(0), headers, bold);
      sheet.createFreezePane(0, 1);
      int rowNumber = 0;
      while (ballots.hasNext()) {
        rowNumber++;
        fill(sheet.createRow(rowNumber), export.columns().cells(rowNumber, ballots.next(), export.categories()), null);
      }
      notes(workbook.createSheet("说明"), export, rowNumber, bold);
      workbook.write(out);
      out.flush();
    }
  }

  private static void notes(SXSSFSheet sheet, RawExport export, int ballots, CellStyle bold) {
    int r = 0;
    fill(sheet.createRow(r++), List.of("活动", export.title()), bold);
    fill(sheet.createRow(r++), List.of("组织单位", String.valueOf(export.event().getString("organizingUnit"))), null);
    fill(sheet.createRow(r++), List.of("日期", String.valueOf(export.event().getString("date"))), null);
    fill(sheet.createRow(r++), List.of("选票张数", Integer.toString(ballots)), null);
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
