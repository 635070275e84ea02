package org.pingyi.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingyi.summary.Sheets.rowAfter;
import static org.pingyi.summary.Sheets.texts;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.ServerExtension;

/**
 * 民主推荐（会议推荐）得票情况汇总表: a position's part with too many marks is void, an unmarked ballot abstains, an
 * unreadable one is void as a whole; 得票率 over the position's valid ballots, 过半数 only above half; the quorum.
 */
class RecommendationSummaryTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  private static SummaryEvent event;
  private static XSSFSheet sheet;
  private static io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> whileOpen;

  @BeforeAll
  static void voteAndClose() {
    event = SummaryEvent.draft(server, "recommendation", e -> {
      e.put("expectedAttendance", 15);
      e.getJsonArray("categories").getJsonObject(0).put("expected", 5);
      e.getJsonArray("categories").getJsonObject(1).put("expected", 10);
      return e;
    }).paste(new JsonObject().put("questionId", "rec").put("positionId", "p1")
        .put("tsv", "赵一\t男\t1980.01\t科长\n钱二\t女\t1982.05\t副科长\n孙三\t男\t1979.11\t主任科员"))
        .edit(form -> {
          form.getJsonArray("sections").getJsonObject(0).getJsonArray("questions").getJsonObject(0)
              .getJsonArray("positions").getJsonObject(0).put("title", "副局长");
          return form;
        }).open().issue("A", 3).issue("B", 8);
    whileOpen = event.export(event.clerk1, "summary.xlsx");
    event.phone("A", marks("c1")).phone("A", marks("c1")).phone("A", marks("c2"))
        .phone("B", marks("c1")).phone("B", marks("c1")).phone("B", marks("c2"))
        .phone("B", new JsonObject().put("rec", new JsonObject().put("p1", new JsonObject()
            .put("selected", new JsonArray()).put("writeIns", new JsonArray().add("周四")))))
        .paper("B", marks())                 // no mark: valid, abstaining
        .paper("B", marks("c1", "c2"))       // two marks for one seat: this position's part is void
        .unreadable("B")                     // void as a whole
        .paper("B", marks("c1"))
        .close();
    sheet = event.workbook().getSheetAt(0);
  }

  @Test
  void exportingBeforeVotingClosesIsRefusedWith409() {
    assertThat(whileOpen.statusCode()).isEqualTo(409);
    assertThat(whileOpen.bodyAsJsonObject().getString("error")).isEqualTo("event_not_closed");
    assertThat(whileOpen.bodyAsJsonObject().getString("message")).isEqualTo("投票结束后才能导出汇总表（活动当前状态为“投票中”）");
    assertThat(whileOpen.getHeader("Content-Disposition")).isNull();
  }

  @Test
  void candidatesAreListedByVotesOverThePositionsNineValidBallots() {
    // 11 returned − 1 unreadable = 10 valid; − 1 void part = 9 for 副局长. 赵一 5/9 = 55.56% > 1/2: 过半数.
    assertThat(texts(rowAfter(sheet, "推荐职位情况", "副局长"))).containsExactly("副局长", "1", "9", "1", "1", "55.56%");
    assertThat(texts(rowAfter(sheet, "推荐职位：副局长", "1"))).containsExactly("1", "赵一", "男", "1980.01", "科长",
        "5", "55.56%", "过半数");
    assertThat(texts(rowAfter(sheet, "推荐职位：副局长", "2"))).containsExactly("2", "钱二", "女", "1982.05", "副科长",
        "2", "22.22%", "");
    assertThat(texts(rowAfter(sheet, "推荐职位：副局长", "3"))).containsExactly("3", "孙三", "男", "1979.11", "主任科员",
        "0", "0.00%", "");
    assertThat(texts(rowAfter(sheet, "推荐职位：副局长", "4"))).containsExactly("4", "周四（另行推荐）", "", "", "",
        "1", "11.11%", "");
  }

  @Test
  void aSmallCategoryAndTheOnlyOtherOneAreNotShownApart() {
    // Overall − B would be A's 3 ballots: B (8) is hidden too. Exactly half is checked in SummaryTablesTest.
    assertThat(Sheets.firstCells(sheet)).contains("领导班子成员（A），选票 3 张：不足 5 张，按规定不单列。",
        "干部职工代表（B），选票 8 张：为防止由合计推算人数较少类别的结果，本类别不单列。");
  }

  @Test
  void theTurnoutAndTheQuorumAreOnTheSheet() {
    assertThat(texts(rowAfter(sheet, "投票情况", "合计"))).containsExactly("合计", "15", "11", "11", "11", "7", "4", "10", "1");
    assertThat(texts(rowAfter(sheet, "投票情况", "干部职工代表（B）"))).containsExactly("干部职工代表（B）",
        "10", "8", "8", "8", "4", "4", "7", "1");
    // 2/3 of 15 = 10 required; 11 returned.
    assertThat(Sheets.firstCells(sheet)).contains("到会人数（以收回票数计）11 人，应达到 10 人（应到人数的 2/3）：已达到，会议有效。");
    assertThat(Sheets.firstCells(sheet)).anyMatch(c -> c.contains("得票超过该职位有效票的二分之一（1/2）的标为“过半数”"));
  }

  @Test
  void aNarrowTablePrintsUpright() {
    assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
    assertThat(sheet.getPrintSetup().getLandscape()).isFalse();
    assertThat(sheet.getFitToPage()).isTrue();
    assertThat(Sheets.firstCells(sheet).get(0)).isEqualTo("民主推荐（会议推荐）得票情况汇总表");
  }

  @Test
  void thePdfCarriesTheSameFigures() throws IOException {
    PdfText pdf = PdfText.of(event.export(event.clerk1, "summary.pdf").body().getBytes());

    assertThat(pdf.text()).contains("民主推荐（会议推荐）得票情况汇总表", "推荐职位：副局长（职数 1 名）", "得票率", "过半数",
        "周四（另行推荐）", "计票人：赵计票", "填表日期：2026年12月1日");
    assertThat(pdf.line("1 赵一")).isEqualTo("1 赵一 男 1980.01 科长 5 55.56% 过半数");
    assertThat(pdf.fontsEmbedded()).isTrue();
    assertThat(pdf.landscape()).isFalse();
  }

  @Test
  void theSameDataExportsToTheSameBytesDatedFromTheEvent() throws Exception {
    byte[] pdf = event.export(event.clerk1, "summary.pdf").body().getBytes();
    long pdfMade = System.currentTimeMillis();
    byte[] xlsx = event.export(event.clerk1, "summary.xlsx").body().getBytes();
    long xlsxMade = System.currentTimeMillis();

    awaitLaterFileDates(pdfMade);
    assertThat(event.export(event.organizer, "summary.pdf").body().getBytes()).isEqualTo(pdf);
    awaitLaterFileDates(xlsxMade);   // usually long past by now: making the PDF takes a while
    assertThat(event.export(event.organizer, "summary.xlsx").body().getBytes()).isEqualTo(xlsx);
    Calendar created = PdfText.of(pdf).created();
    created.setTimeZone(TimeZone.getTimeZone("GMT+8"));
    assertThat(List.of(created.get(Calendar.YEAR), created.get(Calendar.MONTH) + 1, created.get(Calendar.DAY_OF_MONTH)))
        .containsExactly(2026, 12, 1);
  }

  @Test
  void theFilesComeAsAttachmentsWithTheirChineseNames() {
    var response = event.export(event.clerk1, "summary.xlsx");

    assertThat(response.getHeader("Content-Type")).isEqualTo(org.pingyi.http.Downloads.XLSX);
    assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    // 2026年度干部工作民主评议-汇总表.xlsx, percent-encoded as UTF-8.
    assertThat(response.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"summary.xlsx\"; "
        + "filename*=UTF-8''2026%E5%B9%B4%E5%BA%A6%E5%B9%B2%E9%83%A8%E5%B7%A5%E4%BD%9C%E6%B0%91%E4%B8%BB%E8%AF%84%E8%AE%AE"
        + "-%E6%B1%87%E6%80%BB%E8%A1%A8.xlsx");
  }

  @Test
  void anObserverMayNotExportAndAnUnknownEventIsNotFound() {
    var observer = server.api().asAdmin().newStaff("observer", "observer", "observer-pass");

    var refused = event.export(observer, "summary.pdf");
    var unknown = event.clerk1.get("/api/events/" + java.util.UUID.randomUUID() + "/exports/summary.xlsx");

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("forbidden");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.bodyAsJsonObject().getString("error")).isEqualTo("event_not_found");
  }

  /**
   * Waits until the clock (the server's too: it runs in this JVM) has left the two-second step of zip dates that
   * {@code madeBy} falls in, so that a file made from now on would bear another zip date, and another PDF date
   * (whole seconds), than one made by then, if its bytes took the time of day.
   */
  private static void awaitLaterFileDates(long madeBy) throws InterruptedException {
    long nextStep = madeBy - Math.floorMod(madeBy, 2000) + 2000;
    for (long now = System.currentTimeMillis(); now < nextStep; now = System.currentTimeMillis()) {
      Thread.sleep(nextStep - now);
    }
  }

  private static JsonObject marks(String... candidates) {
    return new JsonObject().put("rec", new JsonObject().put("p1", new JsonObject()
        .put("selected", new JsonArray(List.of((Object[]) candidates)))));
  }
}
