package org.pingyi.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingyi.summary.SummaryTable.Block;
import org.pingyi.summary.SummaryTable.Cell;

/**
 * How the summary PDF lays small tables out, read back with PDFBox: twelve five-row blocks (one per person, as the
 * assessment's tables are), under one to six header lines, so that in some of the layouts a block meets a page break.
 */
class SummaryPdfLayoutTest {
  private static final int BLOCKS = 12;
  private static final List<Layout> LAYOUTS = new ArrayList<>();

  /** Where each text line of one rendering is: its page and its left edges, by its text. */
  private record Layout(int headerLines, Map<String, Integer> page, Map<String, List<Float>> left, List<String> lastPage) {
  }

  @BeforeAll
  static void render() throws IOException {
    for (int headerLines = 1; headerLines <= 6; headerLines++) LAYOUTS.add(render(headerLines));
  }

  private static Layout render(int headerLines) throws IOException {
    ColumnHeadings heads = ColumnHeadings.of(false).single("项目").single("好").single("较好").single("一般").single("差");
    List<Block> blocks = IntStream.rangeClosed(1, BLOCKS).mapToObj(b -> new Block("测评对象" + b + "号",
        heads.columns(), heads.build(), IntStream.rangeClosed(1, 5).mapToObj(r -> List.of(
            Cell.text("对象" + b + "第" + r + "项" + (b % 2 == 0 ? "（较长的项目名称）" : "")),
            Cell.count(r), Cell.count(b), Cell.count(r + b), Cell.count(0))).toList())).toList();
    List<String> header = IntStream.rangeClosed(1, headerLines).mapToObj(i -> "表头第" + i + "行").toList();
    SummaryTable table = new SummaryTable("民主测评", "民主测评结果汇总表", header, blocks, List.of(),
        new SummaryTable.Footer(List.of("赵计票"), List.of("钱监票"), "主持人", "孙书记", LocalDate.of(2026, 12, 1)));
    byte[] pdf = SummaryPdf.render(List.of(table), OffsetDateTime.parse("2026-12-01T10:00:00+08:00"), new byte[32]);
    Layout layout = new Layout(headerLines, new HashMap<>(), new HashMap<>(), new ArrayList<>());
    try (PDDocument document = Loader.loadPDF(pdf)) {
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        read(document, page, page == document.getNumberOfPages(), layout);
      }
    }
    return layout;
  }

  private static void read(PDDocument document, int page, boolean last, Layout layout) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper() {
      @Override
      protected void writeString(String text, List<TextPosition> positions) {
        String line = text.strip();
        layout.page().putIfAbsent(line, page);
        if (!positions.isEmpty()) layout.left().computeIfAbsent(line, t -> new ArrayList<>()).add(positions.get(0).getXDirAdj());
        if (last) layout.lastPage().add(line);
      }
    };
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    stripper.getText(document);
  }

  @Test
  void theTwelveTablesTakeMoreThanOnePage() {
    assertThat(LAYOUTS).allSatisfy(l -> assertThat(l.page().get("测评对象" + BLOCKS + "号")).isGreaterThan(1));
  }

  @Test
  void everyFiveRowTableIsOnOnePageWithItsCaption() {
    for (Layout layout : LAYOUTS) {
      for (int block = 1; block <= BLOCKS; block++) {
        int b = block;
        int captionPage = layout.page().get("测评对象" + b + "号");
        for (int item = 1; item <= 5; item++) {
          int r = item;
          String row = layout.page().keySet().stream().filter(t -> t.startsWith("对象" + b + "第" + r + "项")).findFirst()
              .orElseThrow();
          assertThat(layout.page().get(row)).as("%d header lines, block %d row %d", layout.headerLines(), b, r)
              .isEqualTo(captionPage);
        }
      }
    }
  }

  @Test
  void tablesOfAsManyColumnsLineUpWhateverTheirTexts() {
    // Every block's 较好 heading is at the same place, though odd and even blocks have names of different lengths.
    List<Float> headings = LAYOUTS.get(0).left().get("较好");
    assertThat(headings).hasSize(BLOCKS).containsOnly(headings.get(0));
  }

  @Test
  void theSignaturesHaveThePlaceOfTheSealBesideThem() {
    assertThat(LAYOUTS.get(0).lastPage()).anyMatch(t -> t.startsWith("计票人：赵计票")).contains("（盖章）");
  }
}
