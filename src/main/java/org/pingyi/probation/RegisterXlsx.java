package org.pingyi.probation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * 试用期干部登记表 as xlsx: one row per entry, with when the probation ends, where it stands on the day of the export,
 * and the recorded result. Text cells are strings (no name can become a formula); dates are ISO text, rates are
 * numbers formatted as percentages, as in the summary sheets. Blocking: for a worker thread.
 */
final class RegisterXlsx {
  private static final List<String> HEADERS = List.of("序号", "姓名", "原任职务", "现任职务", "单位", "任职时间",
      "试用期（月）", "试用期满", "状态", "考核活动", "考核日期", "优秀率", "称职以上率", "不称职占比");
  private static final int[] WIDTHS = {6, 10, 22, 22, 20, 12, 12, 12, 10, 28, 12, 10, 12, 12};
  private static final String[] STATES = {"已考核", "已逾期", "即将期满", "试用中"};

  private RegisterXlsx() {
  }

  static byte[] render(List<ProbationEntry> entries, LocalDate today) {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("试用期干部登记");
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      CellStyle rate = workbook.createCellStyle();
      rate.setDataFormat(workbook.createDataFormat().getFormat("0.00%"));
      for (int c = 0; c < WIDTHS.length; c++) sheet.setColumnWidth(c, (WIDTHS[c] + 2) * 256);
      Row head = sheet.createRow(0);
      for (int c = 0; c < HEADERS.size(); c++) {
        head.createCell(c).setCellValue(HEADERS.get(c));
        head.getCell(c).setCellStyle(bold);
      }
      sheet.createFreezePane(0, 1);
      for (int i = 0; i < entries.size(); i++) row(sheet.createRow(i + 1), i + 1, entries.get(i), today, rate);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void row(Row row, int number, ProbationEntry entry, LocalDate today, CellStyle rate) {
    Appointment a = entry.appointment();
    Assessment s = entry.assessment();
    row.createCell(0).setCellValue(number);
    List<String> texts = List.of(a.name(), a.formerPost(), a.currentPost(), a.unit(), a.appointedOn().toString(),
        Integer.toString(a.months()), a.probationEnds().toString(), STATES[entry.stateOn(today).ordinal()],
        s == null ? "" : s.eventTitle(), s == null || s.assessedOn() == null ? "" : s.assessedOn().toString());
    for (int c = 0; c < texts.size(); c++) row.createCell(c + 1).setCellValue(texts.get(c));
    if (s == null) return;
    BigDecimal[] figures = {s.excellentRate(), s.competentOrBetterRate(), s.incompetentShare()};
    for (int f = 0; f < figures.length; f++) {
      if (figures[f] == null) continue;
      var cell = row.createCell(11 + f);
      cell.setCellValue(figures[f].movePointLeft(2).doubleValue());
      cell.setCellStyle(rate);
    }
  }
}
