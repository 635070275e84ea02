package org.pingyi.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingyi.summary.Sheets.rowAfter;
import static org.pingyi.summary.Sheets.texts;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Fixtures;
import org.pingyi.support.ServerExtension;

/**
 * 新提拔任用干部民主评议结果汇总表 from ballots cast on phones and on paper: counts and rates over the valid ballots,
 * the one-third flag (exactly one third is not flagged), a small category left out, the signatories and the date.
 */
class NewCadresSummaryTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  private static SummaryEvent event;
  private static XSSFWorkbook workbook;
  private static XSSFSheet sheet;

  @BeforeAll
  static void voteAndClose() {
    event = SummaryEvent.draft(server, "new-cadres", e -> e)
        .paste(new JsonObject().put("questionId", "cadres").put("tsv", Fixtures.THREE_CADRES)).open()
        .issue("A", 4).issue("B", 8);
    // Options for 张三 (r1), 李四 (r2), 王五 (r3); 李四's canvassing answer is 存在 once (B1).
    event.phone("A", cadres("disagree", "disagree", "agree", "no"))
        .phone("A", cadres("agree", "disagree", "agree", "no"))
        .phone("A", cadres("basic", "agree", "agree", "no"))
        .phone("B", withReason(cadres("disagree", "disagree", "agree", "yes"), "r1", "ability"))
        .phone("B", cadres("disagree", "disagree", "basic", "no"))
        .phone("B", cadres("agree", "agree", "agree", "no"))
        .phone("B", cadres("agree", "unknown", "agree", "no"))
        .phone("B", cadres("unknown", "basic", "agree", "no"))
        .paper("B", cadres("agree", "agree", "agree", "no"))
        .unreadable("B")
        .close();
    workbook = event.workbook();
    sheet = workbook.getSheetAt(0);
  }

  @Test
  void theTurnoutLineCountsPhoneAndPaperBallotsPerCategory() {
    // A: 4 issued, 3 returned by phone. B: 8 issued, 5 phone + 2 paper returned, one of them unreadable.
    assertThat(texts(rowAfter(sheet, "投票情况", "领导班子成员（A）"))).containsExactly("领导班子成员（A）",
        "10", "3", "4", "3", "3", "0", "3", "0");
    assertThat(texts(rowAfter(sheet, "投票情况", "干部职工代表（B）"))).containsExactly("干部职工代表（B）",
        "50", "7", "8", "7", "5", "2", "6", "1");
    assertThat(texts(rowAfter(sheet, "投票情况", "合计"))).containsExactly("合计", "60", "10", "12", "10", "8", "2", "9", "1");
  }

  @Test
  void eachCadreHasTheCountsAndRatesOverTheNineValidBallotsAndTheFlagOnlyAboveOneThird() {
    // 张三: 认同 4, 基本认同 1, 不认同 3, 不了解 1 of 9. 3/9 is exactly one third: not flagged. 认同率 5/9 = 55.56%.
    assertThat(texts(rowAfter(sheet, "一、全体参评人员", "张三"))).containsExactly("张三", "办公室副主任", "办公室主任",
        "2025.03", "4", "44.44%", "1", "11.11%", "3", "33.33%", "1", "11.11%", "55.56%", "33.33%", "");
    // 李四: 认同 3, 基本认同 1, 不认同 4 (44.44% > 1/3: flagged), 不了解 1; 认同率 4/9 = 44.44%.
    assertThat(texts(rowAfter(sheet, "一、全体参评人员", "李四"))).containsExactly("李四", "科员", "副科长", "2025.06",
        "3", "33.33%", "1", "11.11%", "4", "44.44%", "1", "11.11%", "44.44%", "44.44%", "不认同超过三分之一");
    // 王五: 认同 8, 基本认同 1 (B2): 认同率 100%.
    assertThat(texts(rowAfter(sheet, "一、全体参评人员", "王五"))).containsExactly("王五", "副科长", "科长", "2025.09",
        "8", "88.89%", "1", "11.11%", "0", "0.00%", "0", "0.00%", "100.00%", "0.00%", "");
    var count = rowAfter(sheet, "一、全体参评人员", "李四").getCell(8);
    assertThat(count.getCellType()).isEqualTo(CellType.NUMERIC);
    assertThat(count.getNumericCellValue()).isEqualTo(4.0);
    assertThat(rowAfter(sheet, "一、全体参评人员", "李四").getCell(9).getNumericCellValue()).isEqualTo(0.4444);
  }

  @Test
  void theReasonsAndTheCanvassingQuestionAreCountedPerCadre() {
    // B1 gave 不认同 to 张三 with the reason 德才素质不适应岗位; 李四's 存在 is 1 of 9 = 11.11%.
    assertThat(texts(rowAfter(sheet, "不认同的原因", "张三"))).containsExactly("张三", "1", "0", "0", "0", "0");
    assertThat(texts(rowAfter(sheet, "是否存在拉票、跑官、要官行为", "李四")))
        .containsExactly("李四", "1", "11.11%", "8", "88.89%", "0", "0.00%");
  }

  @Test
  void aSmallCategoryAndTheOnlyOtherOneAreNotShownApart() {
    List<String> firstCells = Sheets.firstCells(sheet);
    assertThat(firstCells).contains("领导班子成员（A），选票 3 张：不足 5 张，按规定不单列。");
    // Overall − B would give A's 3 ballots cadre by cadre: B is hidden too, and no category table follows.
    int hidden = firstCells.indexOf("领导班子成员（A），选票 3 张：不足 5 张，按规定不单列。");
    assertThat(firstCells.get(hidden + 1)).isEqualTo("干部职工代表（B），选票 7 张：为防止由合计推算人数较少类别的结果，本类别不单列。");
    assertThat(firstCells.subList(hidden + 2, firstCells.size())).doesNotContain("张三");
  }

  @Test
  void theHeaderTheRulesAndTheFooterAreOnTheSheet() {
    List<String> firstCells = Sheets.firstCells(sheet);
    assertThat(firstCells.get(0)).isEqualTo("新提拔任用干部民主评议结果汇总表");
    assertThat(firstCells).contains("组织单位：中共某某县委组织部", "日期：2026年12月1日　　地点：县委大礼堂",
        "计票人：赵计票 （签字）____________", "监票人：钱监票 （签字）____________",
        "主持人：孙书记 （签字）____________", "填表日期：2026年12月1日");
    assertThat(firstCells).anyMatch(c -> c.contains("不认同票超过有效票的三分之一（1/3）的予以标记，恰好三分之一（1/3）的不标记"));
    assertThat(firstCells).anyMatch(c -> c.contains("实到人数以收回票数计"));
  }

  @Test
  void theSheetPrintsOnA4AcrossFitToWidthWithTheTitleRowsOnEveryPage() {
    PrintSetup print = sheet.getPrintSetup();
    assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
    assertThat(print.getLandscape()).isTrue();
    assertThat(sheet.getFitToPage()).isTrue();
    assertThat(print.getFitWidth()).isEqualTo((short) 1);
    assertThat(print.getFitHeight()).isEqualTo((short) 0);
    assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("1:4");
    assertThat(sheet.getFooter().getCenter()).isEqualTo("第 &P 页 共 &N 页");
    var cell = rowAfter(sheet, "一、全体参评人员", "李四").getCell(5).getCellStyle();
    assertThat(List.of(cell.getBorderTop(), cell.getBorderBottom(), cell.getBorderLeft(), cell.getBorderRight()))
        .containsOnly(BorderStyle.THIN);
    assertThat(sheet.getColumnWidth(1)).isGreaterThan(sheet.getColumnWidth(5));
  }

  @Test
  void thePdfHasTheSameNumbersAndLabelsInAnEmbeddedChineseFont() throws IOException {
    var response = event.export(event.organizer, "summary.pdf");
    PdfText pdf = PdfText.of(response.body().getBytes());

    assertThat(response.getHeader("Content-Type")).isEqualTo("application/pdf");
    assertThat(pdf.text()).contains("新提拔任用干部民主评议结果汇总表", "投票情况", "认同率", "不认同超过三分之一",
        "计票人：赵计票", "监票人：钱监票", "主持人：孙书记", "填表日期：2026年12月1日", "第 1 页 共");
    assertThat(pdf.line("李四")).contains("3 33.33% 1 11.11% 4 44.44% 1 11.11% 44.44% 44.44%");
    assertThat(pdf.line("合计")).contains("60 10 12 10 8 2 9 1");
    assertThat(pdf.fontsEmbedded()).isTrue();
    assertThat(pdf.landscape()).isTrue();
  }

  /** A complete ballot: each cadre's option, 不存在 canvassing except for 李四 as given. */
  private static JsonObject cadres(String r1, String r2, String r3, String canvassOfR2) {
    return new JsonObject().put("cadres", new JsonObject()
        .put("r1", new JsonObject().put("option", r1).put("extra", new JsonObject().put("canvass", "no")))
        .put("r2", new JsonObject().put("option", r2).put("extra", new JsonObject().put("canvass", canvassOfR2)))
        .put("r3", new JsonObject().put("option", r3).put("extra", new JsonObject().put("canvass", "no"))));
  }

  private static JsonObject withReason(JsonObject answers, String row, String reason) {
    answers.getJsonObject("cadres").getJsonObject(row).put("reasons", new io.vertx.core.json.JsonArray().add(reason));
    return answers;
  }
}
