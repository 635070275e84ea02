package org.pingyi.slip;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Voting;

/** The printed 未使用票签清单, read back with PDFBox: the event, each category's unused serials, the signature lines. */
class UnusedSlipsSheetTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();

  @Test
  void thePrintedListNamesEveryUnusedSerialInAnEmbeddedChineseFont() throws Exception {
    Api organizer = server.api().asAdmin();
    Voting voting = Voting.open(organizer, "2026年度一报告两评议");
    var a = voting.slips(organizer, "A", 4);
    voting.slips(organizer, "B", 3);
    server.api().post("/api/v/" + a.get(1), Voting.ballot(Voting.newNonce(), voting.validAnswers()));
    organizer.post("/api/events/" + voting.eventId + "/close", null);

    var pdf = organizer.get("/api/events/" + voting.eventId + "/slips/unused.pdf");

    assertThat(pdf.statusCode()).as(pdf.bodyAsString()).isEqualTo(200);
    assertThat(pdf.getHeader("Content-Type")).isEqualTo("application/pdf");
    assertThat(pdf.getHeader("Content-Disposition")).contains("unused-slips.pdf", "filename*=UTF-8''");
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
    java.nio.file.Files.write(java.nio.file.Path.of("target/screenshots/unused-slips.pdf"), pdf.bodyAsBuffer().getBytes());
    try (PDDocument document = Loader.loadPDF(pdf.bodyAsBuffer().getBytes())) {
      javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 72),
          "png", java.nio.file.Path.of("target/screenshots/unused-slips.png").toFile());
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("未使用票签清单", "活动：2026年度一报告两评议", "共 6 张票签",
          "A-0001、A-0003 至 A-0004", "B-0001 至 B-0003", "清点人", "监票人", "日期");
      var resources = document.getPage(0).getResources();
      for (COSName name : resources.getFontNames()) {
        PDFont font = resources.getFont(name);
        assertThat(font.getFontDescriptor().getFontFile3()).as(font.getName() + " embedded").isNotNull();
      }
    }
  }
}
