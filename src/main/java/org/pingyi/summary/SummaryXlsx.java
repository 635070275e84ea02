package org.pingyi.summary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The summary tables as an xlsx workbook, one sheet per table, set up the way a clerk prints from Excel or WPS:
 * A4, landscape when the table is wide, fit to the page width, the title rows on every page, page numbers.
 * Blocking: run it on a worker.
 */
final class SummaryXlsx {

  private SummaryXlsx() {
  }

  /** @param stamp the documents' creation time, from the event, so the same data gives the same bytes */
  static byte[] render(List<SummaryTable> tables, OffsetDateTime stamp) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      XlsxStyles styles = new XlsxStyles(wb);
      for (SummaryTable table : tables) {
        Sheet sheet = wb.createSheet(table.sheetName());
        int titleRows = new XlsxSheet(sheet, styles, table).write();
        printSetup(sheet, table, titleRows);
      }
      if (tables.isEmpty()) wb.createSheet("汇总表");
      stampProperties(wb.getProperties(), stamp);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return StableZip.of(out.toByteArray(), stamp);
    } catch (IOException e) {
      throw new IllegalStateException("could not write the summary workbook", e);
    }
  }

  private static void printSetup(Sheet sheet, SummaryTable table, int titleRows) {
    PrintSetup print = sheet.getPrintSetup();
    print.setPaperSize(PrintSetup.A4_PAPERSIZE);
    print.setLandscape(table.landscape());
    sheet.setFitToPage(true);
    print.setFitWidth((short) 1);
    // 0: as many pages down as the table needs.
    print.setFitHeight((short) 0);
    sheet.setRepeatingRows(new CellRangeAddress(0, titleRows - 1, -1, -1));
    sheet.setHorizontallyCenter(true);
    sheet.setMargin(Sheet.LeftMargin, 0.5);
    sheet.setMargin(Sheet.RightMargin, 0.5);
    sheet.setMargin(Sheet.TopMargin, 0.6);
    sheet.setMargin(Sheet.BottomMargin, 0.6);
    sheet.getFooter().setCenter("第 &P 页 共 &N 页");
  }

  private static void stampProperties(POIXMLProperties properties, OffsetDateTime stamp) {
    POIXMLProperties.CoreProperties core = properties.getCoreProperties();
    Date date = Date.from(stamp.toInstant());
    core.setCreated(Optional.of(date));
    core.setModified(Optional.of(date));
    core.setCreator("评议 Pingyi");
    core.setTitle("汇总表");
  }
}
