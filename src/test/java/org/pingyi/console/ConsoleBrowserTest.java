package org.pingyi.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
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

/** An organizer in Chromium: signs in, creates an event from the 新提拔任用干部评议 template, pastes three cadres, previews. */
@Slow
class ConsoleBrowserTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  @RegisterExtension
  static final BrowserExtension browser = new BrowserExtension();

  @Test
  void anOrganizerPastesThreeCadresAndSeesThemInThePreview() {
    try (BrowserContext context = browser.desktop()) {
      Page page = context.newPage();
      List<String> problems = new ArrayList<>();
      page.onConsoleMessage(m -> {
        if (m.type().equals("error")) problems.add(m.text());
      });
      page.onPageError(problems::add);
      ConsoleSignIn.asAdmin(page, server.baseUrl() + "/");
      assertThat(page.getByTestId("current-user")).containsText("系统管理员");

      page.getByTestId("new-event").click();
      page.getByTestId("event-title").fill("2026年度新提拔干部评议");
      page.getByTestId("event-unit").fill("中共某某县委组织部");
      page.getByTestId("save-event").click();
      assertThat(page.getByTestId("template-picker")).isVisible();

      page.getByTestId("template-picker").selectOption("new-cadres");
      page.getByTestId("create-form").click();
      page.getByTestId("paste-cadres").fill(Fixtures.THREE_CADRES);
      page.getByTestId("import-cadres").click();

      Locator preview = page.getByTestId("preview");
      assertThat(preview).containsText("张三");
      assertThat(preview).containsText("李四");
      assertThat(preview).containsText("王五");
      assertThat(preview).containsText("办公室主任");
      assertThat(preview.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("李四 认同").setExact(true)))
          .hasCount(1);
      org.assertj.core.api.Assertions.assertThat(problems).isEmpty();
    }
  }

  @Test
  void anOrganizerIssuesSlipsAsCsvAndVoidsOneFromTheEventPage() throws Exception {
    String eventId = server.api().asAdmin().post("/api/events", Fixtures.event("票签发放")).bodyAsJsonObject()
        .getString("id");
    try (BrowserContext context = browser.desktop()) {
      Page page = context.newPage();
      ConsoleSignIn.asAdmin(page, server.baseUrl() + "/console/#/events/" + eventId);

      page.getByTestId("slip-category").selectOption("B");
      page.getByTestId("slip-count").fill("3");
      page.getByTestId("slip-format").selectOption("csv");
      var download = page.waitForDownload(() -> page.getByTestId("issue-slips").click());
      String csv = java.nio.file.Files.readString(download.path());
      org.assertj.core.api.Assertions.assertThat(csv).contains("B-0001,", "B-0003,", TestServer.PUBLIC_URL + "/v/");

      page.getByTestId("void-serial").fill("B-0002");
      page.getByTestId("void-slip").click();
      assertThat(page.getByTestId("confirm-dialog")).containsText("将作废 1 张票签：B-0002");
      page.getByTestId("confirm-ok").click();
      Locator row = page.locator("[data-testid=slip-counts] tr[data-category=B]");
      assertThat(row.locator("td").nth(1)).hasText("3");
      assertThat(row.locator("td").nth(4)).hasText("1");

      // B expects 50 and has 2 out: 49 more goes beyond, which takes a reason, kept in the audit log.
      page.getByTestId("slip-count").fill("49");
      page.getByTestId("issue-slips").click();
      assertThat(page.getByTestId("slip-reason")).isVisible();
      assertThat(page.getByText("超出应到人数 1 张")).isVisible();
      page.getByTestId("slip-reason").fill("备用一张");
      var beyond = page.waitForDownload(() -> page.getByTestId("issue-slips").click());
      org.assertj.core.api.Assertions.assertThat(java.nio.file.Files.readString(beyond.path())).contains("B-0052,");
      assertThat(page.getByTestId("slip-reason")).isHidden();
      assertThat(row.locator("td").nth(1)).hasText("52");
    }
  }

  @Test
  void closingSaysWhichSlipsAreUnusedAndWhichPaperBallotsWait() {
    Api admin = server.api().asAdmin();
    Voting voting = Voting.open(admin, "结束前核对");
    List<String> tokens = voting.slips(admin, "B", 3);
    server.api().post("/api/v/" + tokens.get(0), Voting.ballot(Voting.newNonce(), voting.validAnswers()));
    Api clerk = admin.newStaff("clerk-close", "clerk", "clerk-close-pass");
    clerk.post("/api/events/" + voting.eventId + "/paper-ballots",
        new io.vertx.core.json.JsonObject().put("serial", "B-0002").put("unreadable", true));
    try (BrowserContext context = browser.desktop()) {
      Page page = context.newPage();
      ConsoleSignIn.asAdmin(page, server.baseUrl() + "/console/#/events/" + voting.eventId);

      page.getByTestId("close-event").click();

      // B-0001 voted; B-0002 waits for its second paper entry (its slip is still unused); B-0003 is unused.
      Locator dialog = page.getByTestId("confirm-dialog");
      assertThat(dialog).containsText("还有 2 张票签未使用（B 类 2 张）");
      assertThat(dialog).containsText("还有 1 张纸质票在等待第二遍录入或核对");
      page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/console-close.png")));
      page.getByTestId("confirm-ok").click();
      assertThat(page.getByTestId("event-status")).hasText("已结束");
    }
  }
}
