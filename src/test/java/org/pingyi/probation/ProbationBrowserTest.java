package org.pingyi.probation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.BrowserExtension;
import org.pingyi.support.ConsoleSignIn;
import org.pingyi.support.Fixtures;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Slow;
import org.pingyi.support.Voting;

/**
 * The register in Chromium at an office monitor's size: pasted from a sheet, the home page's reminder (overdue in red,
 * counted in the title), an assessment started from the register, and after its archive the result in both places.
 * Screenshots go to target/screenshots/probation-*.png.
 */
@Slow
class ProbationBrowserTest {
  private static final Path SHOTS = Path.of("target", "screenshots");
  /** Today in China, as the server's clock reads it: the dates pasted are relative to it. */
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.ofHours(8));
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  @RegisterExtension
  static final BrowserExtension browser = new BrowserExtension();
  private static Api organizer;

  @BeforeAll
  static void signIn() {
    organizer = server.api().asAdmin().newStaff("zhang.organizer", "organizer", "organizer-pass");
  }

  @Test
  void pasteTheRegisterSeeWhatIsDueStartAnAssessmentAndFindItsResultAfterTheArchive() {
    List<String> problems = new ArrayList<>();
    try (BrowserContext context = browser.office()) {
      Page page = context.newPage();
      page.onPageError(problems::add);
      ConsoleSignIn.at(page, server.baseUrl() + "/console/#/probation", "zhang.organizer", "organizer-pass");

      page.getByTestId("paste-probation").fill(register());
      page.getByTestId("import-probation").click();
      assertThat(page.getByTestId("probation-error")).hasText("已导入 4 人");
      assertThat(row(page, "周逾期").getByTestId("probation-state")).hasText("已逾期");
      assertThat(row(page, "吴将满").getByTestId("probation-state")).hasText("即将期满");
      assertThat(row(page, "郑试用").getByTestId("probation-state")).hasText("试用中");
      assertThat(row(page, "王已过").getByTestId("probation-state")).hasText("已逾期");
      shot(page, "probation-register");

      page.getByTestId("nav-events").click();
      Locator due = page.getByTestId("due-panel");
      assertThat(due.getByTestId("overdue-count")).hasText("2 人逾期未考核");
      assertThat(due.getByTestId("due-overdue").locator("tbody tr")).hasCount(2);
      assertThat(due.getByTestId("due-overdue")).containsText("周逾期");
      assertThat(due.getByTestId("due-soon")).containsText("吴将满");
      assertThat(due.getByTestId("due-soon")).containsText("还有 10 天");
      assertThat(due).not().containsText("郑试用");
      assertThat(page).hasTitle(Pattern.compile("^（2 人逾期）活动列表"));
      assertThat(due.locator("tr.due-overdue td").first()).hasCSS("background-color", "rgb(251, 238, 238)");
      shot(page, "probation-home");

      due.getByTestId("probation-link").click();
      row(page, "周逾期").getByTestId("select-entry").check();
      page.getByTestId("start-assessment").click();
      page.getByTestId("confirm-ok").click();
      assertThat(page.getByTestId("event-status")).hasText("草稿");
      assertThat(page.locator("h1")).hasText("周逾期同志试用期满考核民主测评");
      assertThat(page.getByTestId("forms-table")).containsText("民主测评表");
      String eventId = page.url().substring(page.url().lastIndexOf('/') + 1);

      holdTheMeeting(eventId);
      page.reload();
      page.getByTestId("archive-event").click();
      page.getByTestId("confirm-ok").click();
      assertThat(page.getByTestId("event-status")).hasText("已归档");

      page.getByTestId("nav-events").click();
      assertThat(page.getByTestId("due-panel").getByTestId("overdue-count")).hasText("1 人逾期未考核");
      assertThat(page).hasTitle(Pattern.compile("^（1 人逾期）"));
      assertThat(page.getByTestId("due-done")).containsText("周逾期");
      assertThat(page.getByTestId("due-done")).containsText("优秀率 66.67%，称职以上率 100.00%，不称职 0.00%");
      assertThat(page.getByTestId("due-done").getByTestId("assessment-event")).hasText("周逾期同志试用期满考核民主测评");
      shot(page, "probation-home-after-archive");
      page.getByTestId("nav-probation").click();
      assertThat(row(page, "周逾期").getByTestId("assessment-result"))
          .hasText("优秀率 66.67%，称职以上率 100.00%，不称职 0.00%");
      assertThat(row(page, "周逾期").getByTestId("probation-state")).hasText("已考核");
      shot(page, "probation-register-after-archive");
    }
    org.assertj.core.api.Assertions.assertThat(problems).isEmpty();
  }

  /** Four cadres: overdue by 20 days, due in 10, ending in 4 months, and one on a six-month probation long over. */
  private static String register() {
    return String.join("\n", "姓名\t原任职务\t现任职务\t任职时间\t试用期\t单位",
        "周逾期\t县财政局副局长\t县财政局局长\t" + TODAY.minusYears(1).minusDays(20) + "\t\t县财政局",
        "吴将满\t乡镇副镇长\t县发展和改革局副局长\t" + TODAY.minusYears(1).plusDays(10) + "\t12\t县发展和改革局",
        "郑试用\t科员\t副科长\t" + TODAY.minusMonths(8) + "\t1年\t县教育局",
        "王已过\t团县委副书记\t县教育局党组成员、副局长\t" + TODAY.minusMonths(8) + "\t6个月\t县教育局");
  }

  /** What happens in the hall: details completed, three ballots (优秀, 优秀, 称职), voting closed. */
  private static void holdTheMeeting(String eventId) {
    String event = "/api/events/" + eventId;
    expect(organizer.put(event, Fixtures.event("周逾期同志试用期满考核民主测评")), 200);
    expect(organizer.post(event + "/open", null), 200);
    String formId = organizer.get(event).bodyAsJsonObject().getJsonArray("forms").getJsonObject(0).getString("id");
    var issued = expect(organizer.post(event + "/slips", new JsonObject().put("category", "A").put("format", "csv")
        .put("count", 3)), 200);
    List<String> tokens = Arrays.stream(issued.bodyAsString().split("\r\n")).skip(1)
        .map(line -> line.substring(line.lastIndexOf('/') + 1)).toList();
    List<String> grades = List.of("excellent", "excellent", "competent");
    for (int i = 0; i < tokens.size(); i++) {
      JsonObject rows = new JsonObject();
      for (String item : List.of("de", "neng", "qin", "ji", "lian")) rows.put(item, new JsonObject().put("option", "good"));
      JsonObject answers = new JsonObject().put(formId, new JsonObject().put("p1-rows", rows).put("p1-overall", grades.get(i)));
      expect(server.api().post("/api/v/" + tokens.get(i), Voting.ballot(Voting.newNonce(), answers)), 201);
    }
    expect(organizer.post(event + "/close", null), 200);
  }

  private static Locator row(Page page, String name) {
    return page.locator("tr[data-name=\"" + name + "\"]");
  }

  private static void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
  }

  private static io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> expect(
      io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> response, int status) {
    if (response.statusCode() != status) {
      throw new AssertionError("expected " + status + " but got " + response.statusCode() + ": " + response.bodyAsString());
    }
    return response;
  }
}
