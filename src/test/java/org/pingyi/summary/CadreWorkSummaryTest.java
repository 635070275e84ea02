package org.pingyi.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingyi.summary.Sheets.rowAfter;
import static org.pingyi.summary.Sheets.texts;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.ServerExtension;

/**
 * 选人用人工作民主评议结果汇总表: each item's options over the ballots that answered it (a paper ballot leaving
 * item 1 blank is not in its denominator), the 好评率, the problems of item 4 counted one by one.
 */
class CadreWorkSummaryTest {
  private static final String Q1 = "1. 对本地区（单位）干部选拔任用工作的总体评价";
  private static final String Q4 = "4. 您认为本地区（单位）干部选拔任用工作中存在的主要问题";
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  private static SummaryEvent event;
  private static XSSFSheet sheet;

  @BeforeAll
  static void voteAndClose() {
    event = SummaryEvent.draft(server, "cadre-work", e -> e).open().issue("A", 3).issue("B", 7);
    event.phone("A", items("good", "fair", "good").put("q4", new JsonArray().add("p1").add("p3")).put("q5", "加强监督"))
        .phone("A", items("good", "fair", "good"))
        .phone("A", items("fair", "fair", "good"))
        .phone("B", items("good", "fair", "good").put("q4", new JsonArray().add("p3")).put("q5", "多听意见"))
        .phone("B", items("fair", "fair", "good").put("q4", new JsonArray().add("p3").add("p12")))
        .phone("B", items("average", "fair", "good"))
        .phone("B", items("poor", "fair", "poor"))
        .phone("B", items("good", "fair", "good"))
        .paper("B", new JsonObject().put("q2", "good").put("q3", "good"))   // item 1 left blank on paper
        .unreadable("B")
        .close();
    sheet = event.workbook().getSheetAt(0);
  }

  @Test
  void eachItemCountsItsOptionsOverTheBallotsThatAnsweredIt() {
    // Item 1: 8 answered (9 valid, one blank): 好 4, 较好 2, 一般 1, 差 1; 好评率 (4 + 2) / 8 = 75.00%.
    assertThat(texts(rowAfter(sheet, "一、全体参评人员", Q1))).containsExactly(Q1, "8",
        "4", "50.00%", "2", "25.00%", "1", "12.50%", "1", "12.50%", "75.00%");
    // Item 2: 9 answered: 好 1 (the paper ballot), 较好 8; 好评率 100%.
    assertThat(texts(rowAfter(sheet, "一、全体参评人员", "2. 对本地区（单位）加强干部全方位管理和经常性监督情况的评价")))
        .endsWith("9", "1", "11.11%", "8", "88.89%", "0", "0.00%", "0", "0.00%", "100.00%");
    // Item 3: 好 8, 差 1 of 9: 88.89%.
    assertThat(texts(rowAfter(sheet, "一、全体参评人员", "3. 对上一年度评议反映问题整改情况的评价")))
        .endsWith("9", "8", "88.89%", "0", "0.00%", "0", "0.00%", "1", "11.11%", "88.89%");
  }

  @Test
  void theProblemsAreCountedOneByOneOverTheBallotsThatChoseAny() {
    // Three ballots answered item 4: p1 once, p3 three times, p12 once.
    assertThat(texts(rowAfter(sheet, Q4, "加强领导班子和干部队伍建设不够聚焦职责使命"))).endsWith("1", "33.33%");
    assertThat(texts(rowAfter(sheet, Q4, "干部队伍能力素质不适应工作要求"))).endsWith("3", "100.00%");
    assertThat(texts(rowAfter(sheet, Q4, "巡视巡察选人用人专项检查反馈问题整改不到位"))).endsWith("1", "33.33%");
    assertThat(texts(rowAfter(sheet, Q4, "任人唯亲、搞小圈子等不正之风"))).endsWith("0", "0.00%");
    assertThat(Sheets.firstCells(sheet)).contains(Q4 + "（可多选，作答 3 张）",
        "5. 您对加强和改进本地区（单位）干部选拔任用工作的意见建议：填写 2 份（原文见选票原始数据，不列入汇总表）");
  }

  @Test
  void aLargeCategoryIsHiddenWhenOverallMinusItWouldGiveTheSmallOne() {
    // B (7 ballots) would be shown on its own size, but overall − B is A's 3 ballots: B gets one line, no figures.
    assertThat(Sheets.firstCells(sheet)).contains("领导班子成员（A），选票 3 张：不足 5 张，按规定不单列。",
        "干部职工代表（B），选票 7 张：为防止由合计推算人数较少类别的结果，本类别不单列。");
    assertThat(texts(rowAfter(sheet, "投票情况", "合计"))).containsExactly("合计", "60", "10", "10", "10", "8", "2", "9", "1");
  }

  @Test
  void theRulesAndTheSignatoriesArePrinted() {
    assertThat(Sheets.firstCells(sheet)).contains("选人用人工作民主评议结果汇总表", "填表日期：2026年12月1日",
        "计票人：赵计票 （签字）____________");
    assertThat(Sheets.firstCells(sheet)).anyMatch(c -> c.contains("好评率 =（好＋较好）÷ 作答票数"));
    assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
    assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
  }

  @Test
  void thePdfCarriesTheSameFigures() throws IOException {
    PdfText pdf = PdfText.of(event.export(event.organizer, "summary.pdf").body().getBytes());

    assertThat(pdf.text()).contains("选人用人工作民主评议结果汇总表", "好评率", "干部职工代表（B），选票 7 张",
        "监票人：钱监票", "主持人：孙书记", "填表日期：2026年12月1日");
    assertThat(pdf.text()).contains("8 4 50.00% 2 25.00% 1 12.50% 1 12.50% 75.00%");
    assertThat(pdf.fontsEmbedded()).isTrue();
  }

  private static JsonObject items(String q1, String q2, String q3) {
    return new JsonObject().put("q1", q1).put("q2", q2).put("q3", q3);
  }
}
