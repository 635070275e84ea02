package org.pingyi.rawexport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.junit.jupiter.api.Test;

/** The ballots' rows are written into the sheet byte for byte as SXSSF's own SheetDataWriter writes them. */
class RawBallotXlsxRowsTest {

  @Test
  void rowsOfStringCellsAreWhatSxssfWrites() throws Exception {
    String[][] rows = {
        {"1", "A", "领导班子成员", "纸质", "否", "", "好", "德才素质不适应岗位；其他"},
        {"2", "", "", " 前后有空格 ", "\t制表", "换行\n回车\r", "<b>&\"引号\"</b>", "不换行\u00a0空格"},
        {"3", "控制\u0001字符\u001f", "\ufffe\uffff", "😀 表情 𠀀", "孤立\ud800代理\udc00项", "x", "", ""},
        {"", "", "", "", "", "", "", ""},
    };
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(1000)) {
      var sheet = workbook.createSheet("选票");
      StringWriter expected = new StringWriter();
      SheetDataWriter poi = new SheetDataWriter(expected);
      ByteArrayOutputStream actual = new ByteArrayOutputStream();
      RawBallotXlsx.SheetRows ours = new RawBallotXlsx.SheetRows(actual);
      for (int r = 0; r < rows.length; r++) {
        SXSSFRow row = sheet.createRow(r + 1);
        for (int i = 0; i < rows[r].length; i++) {
          if (!rows[r][i].isEmpty()) row.createCell(i).setCellValue(rows[r][i]);
        }
        poi.writeRow(r + 1, row);
        ours.row(r + 1, rows[r]);
      }
      ours.flush();
      poi.close();
      // What POI's writer hands to its UTF-8 stream, encoded as that stream encodes it.
      assertThat(actual.toByteArray()).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));
    }
  }
}
