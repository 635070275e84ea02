package org.pingyi.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingyi.summary.Sheets.rowAfter;
import static org.pingyi.summary.Sheets.texts;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.ServerExtension;

/**
 * 民主测评结果汇总表: per person the grades, 优秀率 and 称职以上率 over the valid ballots, each item's average score
 * (好 100, 较好 80, 一般 60, 差 40), the person's score; no 分类考核 result, since category A (weight 30) is too small.
 */
class AssessmentSummaryTest {
  private static final List<String> ITEMS = List.of("de", "neng", "qin", "ji", "lian");
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  private static SummaryEvent event;
  private static XSSFSheet sheet;

  @BeforeAll
  static void voteAndClose() {
    event = SummaryEvent.draft(server, "assessment", e -> e)
        .paste(new JsonObject().put("target", "subjects").put("tsv", "刘一\t局长\n陈二\t副局长"))
        .open().issue("A", 3).issue("B", 7);
    // 刘一 gets the first grade on all five items and the second overall; 陈二 较好 and 称职 on every ballot.
    event.phone("A", liu("good", "excellent")).phone("A", liu("good", "excellent")).phone("A", liu("fair", "competent"))
        .phone("B", liu("good", "excellent")).phone("B", liu("fair", "competent")).phone("B", liu("fair", "competent"))
        .phone("B", liu("average", "basic")).phone("B", liu("fair", "competent"))
        .paper("B", liu("poor", "incompetent"))
        .unreadable("B")
        .close();
    sheet = event.workbook().getSheetAt(0);
  }

  @Test
  void eachPersonHasTheRatesAndTheItemScoresButNoWeightedResultWhileAWeightedCategoryIsTooSmall() {
    // 刘一 of 9 valid: 优秀 3 → 33.33%; 优秀 + 称职 7 → 77.78%. Each item (3×100 + 4×80 + 60 + 40) / 9 = 80.00.
    // A (weight 30) has 3 ballots: the overall 80.00 and a weighted score would give A's average, so none is printed.
    assertThat(texts(rowAfter(sheet, "测评结果汇总", "刘一"))).containsExactly("刘一", "局长", "33.33%", "77.78%",
        "80.00", "80.00", "80.00", "80.00", "80.00", "80.00");
    assertThat(texts(rowAfter(sheet, "测评结果汇总", "陈二"))).containsExactly("陈二", "副局长", "0.00%", "100.00%",
        "80.00", "80.00", "80.00", "80.00", "80.00", "80.00");
    assertThat(Sheets.firstCells(sheet)).contains(
        "参评人员类别领导班子成员（A）的选票不足 5 张，为保护投票秘密，不计算分类考核加权结果（可在表单设置中调整最少张数）。");
  }

  @Test
  void eachItemAndTheOverallGradeShowTheirDistribution() {
    assertThat(texts(rowAfter(sheet, "1. 刘一　局长", "德"))).containsExactly("德", "9",
        "3", "33.33%", "4", "44.44%", "1", "11.11%", "1", "11.11%", "80.00");
    assertThat(texts(rowAfter(sheet, "1. 刘一　局长", "总体评价"))).containsExactly("总体评价", "9",
        "3", "33.33%", "4", "44.44%", "1", "11.11%", "1", "11.11%", "33.33%", "77.78%");
    assertThat(texts(rowAfter(sheet, "2. 陈二　副局长", "廉"))).containsExactly("廉", "9",
        "0", "0.00%", "9", "100.00%", "0", "0.00%", "0", "0.00%", "80.00");
  }

  @Test
  void theOnlyOtherCategoryBesideASmallOneIsNotShownApart() {
    // Overall − B would be A's 3 ballots exactly, so B (7 ballots) gets one line and no figures either.
    assertThat(Sheets.firstCells(sheet)).contains("领导班子成员（A），选票 3 张：不足 5 张，按规定不单列。",
        "干部职工代表（B），选票 7 张：为防止由合计推算人数较少类别的结果，本类别不单列。");
    assertThat(Sheets.firstCells(sheet)).noneMatch(c -> c.equals("干部职工代表（B），选票 7 张"));
  }

  @Test
  void theScoresAndWeightsAppliedArePrintedUnderTheTable() {
    assertThat(Sheets.firstCells(sheet)).anyMatch(c -> c.contains("分值：好 100、较好 80、一般 60、差 40（表单设置）"))
        .anyMatch(c -> c.contains("未设项目权重，各项目等权"))
        .anyMatch(c -> c.contains("类别权重：领导班子成员 30、干部职工代表 70"))
        .anyMatch(c -> c.contains("优秀率 = 优秀 ÷ 有效票；称职以上率 =（优秀＋称职）÷ 有效票"))
        .contains("民主测评结果汇总表", "主持人：孙书记 （签字）____________", "填表日期：2026年12月1日");
    assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
  }

  @Test
  void thePdfCarriesTheSameFigures() throws IOException {
    PdfText pdf = PdfText.of(event.export(event.clerk1, "summary.pdf").body().getBytes());

    assertThat(pdf.text()).contains("民主测评结果汇总表", "测评结果汇总", "分类考核加权结果", "计票人：赵计票", "填表日期：2026年12月1日");
    assertThat(pdf.line("刘一 局长")).isEqualTo("刘一 局长 33.33% 77.78% 80.00 80.00 80.00 80.00 80.00 80.00");
    assertThat(pdf.fontsEmbedded()).isTrue();
    assertThat(pdf.landscape()).isTrue();
  }

  /** Every item of 刘一 marked {@code items}, his overall grade {@code overall}; 陈二 较好 and 称职. */
  private static JsonObject liu(String items, String overall) {
    JsonObject liu = new JsonObject();
    JsonObject chen = new JsonObject();
    for (String item : ITEMS) {
      liu.put(item, new JsonObject().put("option", items));
      chen.put(item, new JsonObject().put("option", "fair"));
    }
    return new JsonObject().put("p1-rows", liu).put("p1-overall", overall)
        .put("p2-rows", chen).put("p2-overall", "competent");
  }
}
