package org.pingyi.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingyi.summary.Sheets.rowAfter;
import static org.pingyi.summary.Sheets.texts;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.ServerExtension;

/**
 * 民主测评 with persons whose sections differ (one without 总体评价 and without 廉, the form edited before the
 * event opens): the summary's columns are those of all persons together, each figure under its own heading and
 * "—" where a person has none, whichever person comes first; the PDF renders the same rows.
 */
class AssessmentSectionsDifferTest {
  private static final List<String> HEADINGS = List.of("姓名", "职务", "优秀率", "称职以上率", "德", "能", "勤", "绩", "廉",
      "个人得分", "分类考核加权结果");
  private static final List<String> FULL = List.of("de", "neng", "qin", "ji", "lian");
  private static final List<String> PARTIAL = List.of("de", "neng", "qin", "ji");
  // Full: every item 好 (100) and 优秀 on all ten ballots. Partial: every item 较好 (80), no overall grade.
  private static final List<String> LIU_FULL = List.of("刘一", "局长", "100.00%", "100.00%",
      "100.00", "100.00", "100.00", "100.00", "100.00", "100.00", "100.00");
  private static final List<String> CHEN_PARTIAL = List.of("陈二", "副局长", "—", "—",
      "80.00", "80.00", "80.00", "80.00", "—", "80.00", "80.00");
  private static final List<String> LIU_PARTIAL = List.of("刘一", "局长", "—", "—",
      "80.00", "80.00", "80.00", "80.00", "—", "80.00", "80.00");
  private static final List<String> CHEN_FULL = List.of("陈二", "副局长", "100.00%", "100.00%",
      "100.00", "100.00", "100.00", "100.00", "100.00", "100.00", "100.00");
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  private static SummaryEvent gradedFirst;
  private static SummaryEvent gradedSecond;

  @BeforeAll
  static void voteAndClose() {
    gradedFirst = event("first.", "p2");
    gradedSecond = event("second.", "p1");
  }

  @Test
  void aPersonWithoutTheGradeAfterOneWithItShowsBlanksUnderTheGradeHeadings() {
    XSSFSheet sheet = gradedFirst.workbook().getSheetAt(0);

    assertThat(texts(rowAfter(sheet, "测评结果汇总", "姓名"))).containsExactlyElementsOf(HEADINGS);
    assertThat(texts(rowAfter(sheet, "测评结果汇总", "刘一"))).containsExactlyElementsOf(LIU_FULL);
    assertThat(texts(rowAfter(sheet, "测评结果汇总", "陈二"))).containsExactlyElementsOf(CHEN_PARTIAL);
  }

  @Test
  void aPersonWithTheGradeAfterOneWithoutItKeepsTheGradeHeadings() {
    XSSFSheet sheet = gradedSecond.workbook().getSheetAt(0);

    assertThat(texts(rowAfter(sheet, "测评结果汇总", "姓名"))).containsExactlyElementsOf(HEADINGS);
    assertThat(texts(rowAfter(sheet, "测评结果汇总", "刘一"))).containsExactlyElementsOf(LIU_PARTIAL);
    assertThat(texts(rowAfter(sheet, "测评结果汇总", "陈二"))).containsExactlyElementsOf(CHEN_FULL);
  }

  @Test
  void thePdfRendersBothPersonsInEitherOrder() throws IOException {
    assertThat(pdfLines(gradedFirst)).containsExactly(String.join(" ", LIU_FULL), String.join(" ", CHEN_PARTIAL));
    assertThat(pdfLines(gradedSecond)).containsExactly(String.join(" ", LIU_PARTIAL), String.join(" ", CHEN_FULL));
  }

  private static List<String> pdfLines(SummaryEvent event) throws IOException {
    HttpResponse<Buffer> response = event.export(event.clerk1, "summary.pdf");
    assertThat(response.statusCode()).isEqualTo(200);
    PdfText pdf = PdfText.of(response.body().getBytes());
    return List.of(pdf.line("刘一 局长"), pdf.line("陈二 副局长"));
  }

  /** 刘一 (p1) and 陈二 (p2), {@code partial} without its overall grade and its 廉, ten ballots over A and B. */
  private static SummaryEvent event(String staff, String partial) {
    SummaryEvent event = SummaryEvent.draft(server, "assessment", e -> e, staff)
        .paste(new JsonObject().put("target", "subjects").put("tsv", "刘一\t局长\n陈二\t副局长"))
        .edit(definition -> trim(definition, partial))
        .open().issue("A", 5).issue("B", 5);
    JsonObject answers = new JsonObject();
    for (String p : List.of("p1", "p2")) {
      boolean full = !p.equals(partial);
      JsonObject rows = new JsonObject();
      for (String item : full ? FULL : PARTIAL) rows.put(item, new JsonObject().put("option", full ? "good" : "fair"));
      answers.put(p + "-rows", rows);
      if (full) answers.put(p + "-overall", "excellent");
    }
    for (int i = 0; i < 5; i++) event.phone("A", answers).phone("B", answers);
    return event.close();
  }

  private static JsonObject trim(JsonObject definition, String section) {
    for (Object s : definition.getJsonArray("sections")) {
      JsonObject person = (JsonObject) s;
      if (!section.equals(person.getString("id"))) continue;
      JsonArray questions = person.getJsonArray("questions");
      questions.getList().removeIf(q -> asMap(q).get("id").equals(section + "-overall"));
      JsonObject matrix = questions.getJsonObject(0);
      matrix.getJsonArray("rows").getList().removeIf(r -> asMap(r).get("id").equals("lian"));
    }
    return definition;
  }

  private static Map<?, ?> asMap(Object o) {
    return o instanceof JsonObject j ? j.getMap() : (Map<?, ?>) o;
  }
}
