package org.pingyi.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ReceiptListPdfTest {
  @Test
  void everyCodeStaysOnOneLineHoweverWideItsLetters() throws Exception {
    // The widest letters of the codes' alphabet, and a code the board test once met split at its hyphen.
    List<String> codes = List.of("0000A-11111", "MMMMM-MMMMM", "QFNFZ-WXMMW", "WWWWW-WWWWW", "WWWWW-WWWWX");
    byte[] pdf = ReceiptListPdf.render(new Board("回执码公布测试", "中共某某县委组织部", LocalDate.of(2026, 12, 3), "县委大礼堂", codes));

    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<String> lines = new PDFTextStripper().getText(document).lines().map(String::strip).toList();
      assertThat(codes).allSatisfy(code -> assertThat(lines).anyMatch(line -> line.contains(code)));
    }
  }
}
