package org.pingyi.feedback;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A box's messages as an xlsx workbook for the record: one row per message, newest day first and within a day in
 * the stored (random) order, as the console lists them. Every cell is a string cell, so text that starts with "="
 * is shown, never evaluated. Blocking: call on a worker.
 */
final class MessagesXlsx {
  static final List<String> HEAD = List.of("序号", "收到日期", "类别", "反映的干部", "意见内容", "办理状态", "转办单位", "答复", "答复日期");

  private MessagesXlsx() {
  }

  static byte[] render(FeedbackRepository.Box box, List<FeedbackRepository.Message> messages) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("意见");
      CellStyle wrap = book.createCellStyle();
      wrap.setWrapText(true);
      Font bold = book.createFont();
      bold.setBold(true);
      CellStyle head = book.createCellStyle();
      head.setFont(bold);
      write(sheet.createRow(0), List.of(box.title() + (box.unit().isEmpty() ? "" : "（" + box.unit() + "）")), head);
      write(sheet.createRow(1), HEAD, head);
      int r = 2;
      for (FeedbackRepository.Message m : messages) {
        write(sheet.createRow(r), List.of(String.valueOf(r - 1), m.receivedOn().toString(), m.category().label(),
            m.cadre(), m.body(), m.status().label(), m.referredTo(), m.reply(),
            m.repliedOn() == null ? "" : m.repliedOn().toString()), wrap);
        r++;
      }
      int[] widths = {6, 12, 10, 12, 60, 10, 16, 40, 12};
      for (int c = 0; c < widths.length; c++) sheet.setColumnWidth(c, widths[c] * 256);
      sheet.createFreezePane(0, 2);
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("could not write the feedback workbook", e);
    }
  }

  private static void write(Row row, List<String> values, CellStyle style) {
    for (int c = 0; c < values.size(); c++) {
      Cell cell = row.createCell(c);
      cell.setCellValue(values.get(c));
      cell.setCellStyle(style);
    }
  }
}
