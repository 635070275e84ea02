package org.pingyi.rawexport;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.CsvReader;
import org.pingyi.support.Db;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Voting;

/** The raw ballots as CSV, JSON and xlsx: exactly what PostgreSQL stores, in an order unrelated to casting. */
class RawBallotExportTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  private static Api organizer;
  private static Api clerk;
  private static CastBallots cast;
  private static Db db;

  @BeforeAll
  static void castAndClose() {
    organizer = server.api().asAdmin();
    clerk = server.api().asAdmin().newStaff("clerk2", "clerk", "clerk2-password");
    cast = CastBallots.cast(organizer, clerk, "2026年度一报告两评议", 20, 8, 4);
    db = new Db(server.database());
  }

  @Test
  void theCsvReadBackGivesExactlyTheStoredBallotsInAnOrderUnrelatedToCasting() {
    var response = clerk.get(exports(cast.voting.eventId) + "ballots.csv");

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).isEqualTo("text/csv; charset=utf-8");
    assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(response.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"ballots.csv\"; "
        + "filename*=UTF-8''2026%E5%B9%B4%E5%BA%A6%E4%B8%80%E6%8A%A5%E5%91%8A%E4%B8%A4%E8%AF%84%E8%AE%AE-"
        + "%E5%8E%9F%E5%A7%8B%E9%80%89%E7%A5%A8.csv");
    String csv = response.bodyAsString();
    assertThat(csv).startsWith("\uFEFF序号,票类,参评人员类别,渠道,无法辨认,");
    List<JsonObject> read = new CsvBallots(forms(cast.voting.eventId)).read(csv);
    List<JsonObject> stored = storedInIdOrder(cast.voting.eventId);

    assertThat(stored).hasSize(33);
    assertThat(read).isEqualTo(stored);
    List<String> exportOrder = opinions(read);
    assertThat(exportOrder).containsExactlyInAnyOrderElementsOf(cast.castOrder);
    assertThat(exportOrder).isNotEqualTo(cast.castOrder);
  }

  @Test
  void answersThatASpreadsheetWouldTakeForFormulasStayText() {
    String csv = clerk.get(exports(cast.voting.eventId) + "ballots.csv").bodyAsString();

    List<String> fields = CsvReader.read(csv.substring(1)).stream().flatMap(List::stream).toList();

    assertThat(fields).noneMatch(f -> !f.isEmpty() && "=+-@".indexOf(f.charAt(0)) >= 0);
    assertThat(fields).anyMatch(f -> f.startsWith("'=HYPERLINK(\"http://example.com\",\"点击\")"))
        .anyMatch(f -> f.startsWith("'+1 同意")).anyMatch(f -> f.startsWith("'-减少会议"))
        .anyMatch(f -> f.startsWith("'@所有人")).anyMatch(f -> f.startsWith("''已有撇号"));
  }

  @Test
  void theJsonCarriesTheEventTheFrozenFormsWithTheirHashesAndTheStoredBallots() {
    var response = organizer.get(exports(cast.voting.eventId) + "ballots.json");
    JsonObject json = response.bodyAsJsonObject();

    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(json.getJsonObject("event").getString("id")).isEqualTo(cast.voting.eventId);
    assertThat(json.getJsonArray("forms").stream().map(f -> ((JsonObject) f).getString("sha256")).toList())
        .isEqualTo(db.strings("SELECT frozen_sha256 FROM forms WHERE event_id = ? ORDER BY position",
            UUID.fromString(cast.voting.eventId)));
    assertThat(json.getJsonArray("forms").stream().map(f -> ((JsonObject) f).getJsonObject("definition").getString("title")))
        .containsExactly("新提拔任用干部民主评议表", "干部选拔任用工作民主评议表", "民主推荐票（会议推荐）");
    assertThat(json.getJsonArray("ballots").stream().map(JsonObject.class::cast).toList())
        .isEqualTo(storedInIdOrder(cast.voting.eventId));
  }

  @Test
  void theXlsxHoldsTheSameTableAsTheCsv() throws Exception {
    var response = organizer.get(exports(cast.voting.eventId) + "ballots.xlsx");
    List<List<String>> csv = CsvReader.read(organizer.get(exports(cast.voting.eventId) + "ballots.csv")
        .bodyAsString().substring(1)).stream().map(r -> r.stream().map(CsvReader::value).toList()).toList();

    List<List<String>> sheet = new ArrayList<>();
    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body().getBytes()))) {
      DataFormatter text = new DataFormatter();
      for (var row : workbook.getSheet("选票")) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < csv.get(0).size(); i++) cells.add(text.formatCellValue(row.getCell(i)));
        sheet.add(cells);
      }
      assertThat(text.formatCellValue(workbook.getSheet("说明").getRow(0).getCell(1))).isEqualTo("2026年度一报告两评议");
    }

    assertThat(response.getHeader("Content-Type")).isEqualTo(RawFormat.XLSX.contentType());
    assertThat(sheet).isEqualTo(csv);
  }

  @Test
  void exportsAreRefusedWith409UntilVotingHasClosed() {
    Voting open = Voting.open(organizer, "投票中的活动");

    for (RawFormat format : RawFormat.values()) {
      var refused = clerk.get(exports(open.eventId) + format.fileName());
      assertThat(refused.statusCode()).isEqualTo(409);
      assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("event_not_closed");
      assertThat(refused.bodyAsJsonObject().getString("message")).isEqualTo("投票结束后才能导出选票（活动当前状态为“投票中”）");
      assertThat(refused.getHeader("Content-Disposition")).isNull();
    }
  }

  @Test
  void aCategoryTooSmallToShowIsMergedSoThatNoBallotCanBeToldApartByIt() {
    CastBallots small = CastBallots.cast(organizer, clerk, "小类别", 5, 0, 0);

    List<JsonObject> read = new CsvBallots(forms(small.voting.eventId)).read(
        clerk.get(exports(small.voting.eventId) + "ballots.csv").bodyAsString());
    JsonObject json = clerk.get(exports(small.voting.eventId) + "ballots.json").bodyAsJsonObject();

    assertThat(read).hasSize(6).allMatch(b -> b.getString("category").equals("其他"));
    assertThat(clerk.get(exports(small.voting.eventId) + "ballots.csv").bodyAsString())
        .contains("其他（选票不足 5 张的类别合并，不单列）").doesNotContain("领导班子成员").doesNotContain("干部职工代表");
    assertThat(json.getJsonArray("ballots")).allMatch(b -> ((JsonObject) b).getValue("category") == null);
  }

  private static String exports(String eventId) {
    return "/api/events/" + eventId + "/exports/";
  }

  private static List<JsonObject> forms(String eventId) {
    return organizer.get("/api/events/" + eventId + "/forms").bodyAsJsonArray().stream().map(JsonObject.class::cast).toList();
  }

  private static List<JsonObject> storedInIdOrder(String eventId) {
    return db.strings("""
        SELECT json_build_object('category', category_code, 'channel', channel, 'unreadable', unreadable,
                                 'answers', answers)::text
        FROM ballots WHERE event_id = ? ORDER BY id""", UUID.fromString(eventId)).stream().map(JsonObject::new).toList();
  }

  private List<String> opinions(List<JsonObject> ballots) {
    return ballots.stream().filter(b -> !b.getBoolean("unreadable"))
        .map(b -> b.getJsonObject("answers").getJsonObject(cast.voting.cadreWorkForm).getString("q5")).toList();
  }
}
