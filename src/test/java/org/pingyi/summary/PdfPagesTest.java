package org.pingyi.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingyi.summary.SummaryTable.Block;
import org.pingyi.summary.SummaryTable.Cell;
import org.pingyi.support.Slow;

/** The page footer "第 n 页 共 m 页" of the summary PDF, read back with PDFBox from a table of over 100 pages. */
@Slow
class PdfPagesTest {
  private static byte[] pdf;
  private static int pages;

  @BeforeAll
  static void renderALongTable() throws IOException {
    ColumnHeadings heads = ColumnHeadings.of(false).single("序号").single("姓名");
    List<List<Cell>> rows = IntStream.rangeClosed(1, 6000)
        .mapToObj(i -> List.of(Cell.count(i), Cell.text("候选人" + i))).toList();
    SummaryTable table = new SummaryTable("民主推荐", "民主推荐结果汇总表", List.of("2026年度干部工作民主评议"),
        List.of(new Block("推荐职位：副局长（职数 1 名）", heads.columns(), heads.build(), rows)), List.of(),
        new SummaryTable.Footer(List.of("赵计票"), List.of("钱监票"), "主持人", "孙书记", LocalDate.of(2026, 12, 1)));
    pdf = SummaryPdf.render(List.of(table), OffsetDateTime.parse("2026-12-01T10:00:00+08:00"), new byte[32]);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      pages = document.getNumberOfPages();
    }
  }

  @Test
  void theTableRunsPastAHundredPages() {
    assertThat(pages).isGreaterThan(100);
  }

  @Test
  void everyFooterReadsItsPageAndTheThreeDigitTotal() throws IOException {
    for (int page : List.of(1, 9, 10, 99, 100, pages)) {
      assertThat(footerText(page)).isEqualTo("第" + page + "页共" + pages + "页");
    }
  }

  @Test
  void noFooterGlyphOverlapsTheNext() throws IOException {
    for (int page : List.of(1, 100, pages)) {
      List<TextPosition> glyphs = footer(page);
      for (int i = 1; i < glyphs.size(); i++) {
        TextPosition before = glyphs.get(i - 1);
        assertThat(glyphs.get(i).getXDirAdj()).as("page %d, %s after %s", page, glyphs.get(i), before)
            .isGreaterThanOrEqualTo(before.getXDirAdj() + before.getWidthDirAdj() - 0.01f);
      }
    }
  }

  @Test
  void theFooterIsCentredOnThePage() throws IOException {
    List<TextPosition> glyphs = footer(pages);
    TextPosition last = glyphs.get(glyphs.size() - 1);
    float left = glyphs.get(0).getXDirAdj();
    float right = last.getPageWidth() - (last.getXDirAdj() + last.getWidthDirAdj());
    assertThat(Math.abs(left - right)).isLessThan(1f);
  }

  private static String footerText(int page) throws IOException {
    StringBuilder text = new StringBuilder();
    footer(page).forEach(g -> text.append(g.getUnicode()));
    return text.toString();
  }

  /** The glyphs at the foot of {@code page}, left to right, spaces left out. */
  private static List<TextPosition> footer(int page) throws IOException {
    List<TextPosition> glyphs = new ArrayList<>();
    PDFTextStripper stripper = new PDFTextStripper() {
      @Override
      protected void writeString(String text, List<TextPosition> positions) {
        for (TextPosition p : positions) {
          if (p.getYDirAdj() > p.getPageHeight() - 30 && !p.getUnicode().isBlank()) glyphs.add(p);
        }
      }
    };
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      stripper.getText(document);
    }
    glyphs.sort(Comparator.comparing(TextPosition::getXDirAdj));
    return glyphs;
  }
}
