package org.pingyi.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonArray;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.BrowserExtension;
import org.pingyi.support.ConsoleSignIn;
import org.pingyi.support.Fixtures;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Slow;
import org.pingyi.support.TestServer;
import org.pingyi.support.Voting;

/** 导出与归档 in Chromium: what is missing, the downloads, archiving refused then done, and the manifest hash. */
@Slow
class ExportPageBrowserTest {
  private static final String TITLE = "2026年度民主评议";
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  @RegisterExtension
  static final BrowserExtension browser = new BrowserExtension();
  private static Api organizer;
  private static Voting voting;

  @BeforeAll
  static void closeAnEventWithASlipUnaccounted() {
    organizer = server.api().asAdmin();
    voting = Voting.open(organizer, TITLE);
    List<String> tokens = voting.slips(organizer, "A", 2);
    server.api().post("/api/v/" + tokens.get(0), Voting.ballot(Voting.newNonce(), voting.validAnswers()));
    organizer.post("/api/events/" + voting.eventId + "/close", null);
  }

  @Test
  void aClerkSeesWhatIsMissingDownloadsTheBallotsThenArchivesAndSeesTheManifestHash() throws Exception {
    List<String> problems = new ArrayList<>();
    try (BrowserContext context = browser.desktop()) {
      Page page = context.newPage();
      page.onPageError(problems::add);
      ConsoleSignIn.asAdmin(page, server.baseUrl() + "/console/#/events/" + voting.eventId);
      page.getByTestId("exports-link").click();

      assertThat(page.getByTestId("completeness-missing").locator("li")).hasText(new String[] {
          "还有 1 张票签既未投票、未作废，也未登记为未收回（A-0002）：请清点后作废或登记为未收回"});
      assertThat(page.getByTestId("archive-button")).isDisabled();
      Download csv = page.waitForDownload(() -> page.getByTestId("download-ballots-csv").click());
      org.assertj.core.api.Assertions.assertThat(csv.suggestedFilename()).isEqualTo(TITLE + "-原始选票.csv");
      org.assertj.core.api.Assertions.assertThat(Files.readString(csv.path())).startsWith("\uFEFF序号,票类,参评人员类别,渠道,无法辨认,");
      Download summary = page.waitForDownload(() -> page.getByTestId("download-summary-pdf").click());
      org.assertj.core.api.Assertions.assertThat(summary.suggestedFilename()).startsWith(TITLE).endsWith(".pdf");

      organizer.post("/api/events/" + voting.eventId + "/slips/unreturned", null);
      page.reload();
      assertThat(page.getByTestId("completeness-ok")).isVisible();
      organizer.put("/api/events/" + voting.eventId, Fixtures.event(TITLE).put("counters", new JsonArray()));
      page.getByTestId("archive-button").click();
      page.getByTestId("confirm-ok").click();
      assertThat(page.getByTestId("exports-error")).containsText("资料不完整，不能归档：未填写计票人");
      assertThat(page.getByTestId("field-errors")).containsText("counters");

      organizer.put("/api/events/" + voting.eventId, Fixtures.event(TITLE));
      page.getByTestId("archive-button").click();
      page.getByTestId("confirm-ok").click();
      assertThat(page.getByTestId("event-status")).hasText("已归档");
      assertThat(page.getByTestId("completeness-archived")).hasText("归档时已通过检查，资料齐全。");
      assertThat(page.getByText("可以归档")).hasCount(0);
      assertThat(page.getByText("已归档", new Page.GetByTextOptions().setExact(true))).hasCount(1);
      String sha256 = organizer.get("/api/events/" + voting.eventId + "/archive/manifest").bodyAsJsonObject().getString("sha256");
      assertThat(page.getByTestId("manifest-hash")).hasAttribute("data-sha256", sha256);
      assertThat(page.getByTestId("manifest-hash")).hasText(sha256.replaceAll("(.{8})(?!$)", "$1 "));
      assertThat(page.getByTestId("board-link")).hasAttribute("href",
          java.util.regex.Pattern.compile("^" + TestServer.PUBLIC_URL.replace(".", "\\.") + "/r/[0-9a-f]{32}$"));
      Download board = page.waitForDownload(() -> page.getByTestId("board-pdf").click());
      org.assertj.core.api.Assertions.assertThat(Files.readAllBytes(board.path())).startsWith("%PDF".getBytes());
      Download zip = page.waitForDownload(() -> page.getByTestId("download-bundle").click());
      org.assertj.core.api.Assertions.assertThat(zip.suggestedFilename()).isEqualTo(TITLE + "-归档包.zip");
      org.assertj.core.api.Assertions.assertThat(Files.size(zip.path())).isGreaterThan(1000);
    }
    org.assertj.core.api.Assertions.assertThat(problems).isEmpty();
  }
}
