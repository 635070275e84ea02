package org.pingyi.summary;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.pingyi.summary.SummaryTable.Kind;

/** The few cell styles of the summary sheets, made once per workbook (Excel limits how many a file may hold). */
final class XlsxStyles {
  /** The face WPS and Excel on Chinese systems have; LibreOffice substitutes its CJK font. */
  static final String FONT = "宋体";

  final CellStyle title;
  final CellStyle line;
  final CellStyle caption;
  final CellStyle note;
  final CellStyle seal;
  final CellStyle head;
  final CellStyle text;
  final CellStyle count;
  final CellStyle rate;
  final CellStyle score;
  final CellStyle flag;

  XlsxStyles(Workbook wb) {
    title = plain(wb, font(wb, 16, true), HorizontalAlignment.CENTER);
    line = plain(wb, font(wb, 10, false), HorizontalAlignment.LEFT);
    caption = plain(wb, font(wb, 10, true), HorizontalAlignment.LEFT);
    note = plain(wb, font(wb, 9, false), HorizontalAlignment.LEFT);
    seal = plain(wb, font(wb, 10, false), HorizontalAlignment.RIGHT);
    seal.setVerticalAlignment(VerticalAlignment.BOTTOM);
    // Lines across the table wrap inside their merged cells rather than run off the page.
    line.setWrapText(true);
    caption.setWrapText(true);
    note.setWrapText(true);
    head = boxed(wb, font(wb, 10, true), HorizontalAlignment.CENTER);
    head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    text = boxed(wb, font(wb, 10, false), HorizontalAlignment.LEFT);
    count = numeric(wb, "0");
    rate = numeric(wb, "0.00%");
    score = numeric(wb, "0.00");
    flag = boxed(wb, font(wb, 10, true), HorizontalAlignment.CENTER);
  }

  CellStyle body(Kind kind) {
    return switch (kind) {
      case COUNT -> count;
      case RATE -> rate;
      case SCORE -> score;
      case FLAG -> flag;
      default -> text;
    };
  }

  private static Font font(Workbook wb, int points, boolean bold) {
    Font font = wb.createFont();
    font.setFontName(FONT);
    font.setFontHeightInPoints((short) points);
    font.setBold(bold);
    return font;
  }

  private static CellStyle plain(Workbook wb, Font font, HorizontalAlignment align) {
    CellStyle style = wb.createCellStyle();
    style.setFont(font);
    style.setAlignment(align);
    style.setVerticalAlignment(VerticalAlignment.CENTER);
    return style;
  }

  private static CellStyle boxed(Workbook wb, Font font, HorizontalAlignment align) {
    CellStyle style = plain(wb, font, align);
    style.setWrapText(true);
    style.setBorderTop(BorderStyle.THIN);
    style.setBorderBottom(BorderStyle.THIN);
    style.setBorderLeft(BorderStyle.THIN);
    style.setBorderRight(BorderStyle.THIN);
    return style;
  }

  private static CellStyle numeric(Workbook wb, String format) {
    CellStyle style = boxed(wb, font(wb, 10, false), HorizontalAlignment.RIGHT);
    style.setDataFormat(wb.createDataFormat().getFormat(format));
    return style;
  }
}
