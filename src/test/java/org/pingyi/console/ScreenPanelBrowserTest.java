package org.pingyi.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.BrowserExtension;
import org.pingyi.support.ConsoleSignIn;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Slow;
import org.pingyi.support.Voting;

/** The event page's 大屏幕 panel: turnout only, a screen link created, opened on a projector and revoked. */
@Slow
class ScreenPanelBrowserTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  @RegisterExtension
  static final BrowserExtension browser = new BrowserExtension();
  private static Api admin;

  @BeforeAll
  static void setUp() {
    admin = server.api().asAdmin();
  }

  @Test
  void anOrganizerWithholdsResultsCreatesALinkOpensItAndRevokesIt() {
    Voting voting = Voting.open(admin, "大屏设置");
    try (BrowserContext console = browser.desktop(); BrowserContext projector = browser.projector()) {
      Page page = signedIn(console, voting);
      // Voting is open: the categories are locked, and the page says so instead of failing on save.
      assertThat(page.getByTestId("categories-locked")).isVisible();
      assertThat(page.getByTestId("category-name").first()).isDisabled();
      assertThat(page.getByTestId("event-title")).isEnabled();
      assertThat(page.getByTestId("screen-turnout-only")).isEnabled();
      // A new event shows only the turnout until it closes; live results are the organizer's choice, in steps of k.
      assertThat(page.getByTestId("screen-turnout-only")).isChecked();
      assertThat(page.getByTestId("screen-live-hint")).containsText("结果每累计至少 5 张选票才更新一次");
      page.getByTestId("screen-turnout-only").uncheck();
      assertThat(page.getByTestId("screen-message")).containsText("大屏显示实时结果");
      assertThat(tally(voting).getJsonObject("event").getBoolean("screenTurnoutOnly")).isFalse();
      page.getByTestId("screen-turnout-only").check();
      assertThat(page.getByTestId("screen-message")).containsText("投票结束前大屏只显示投票人数");
      assertThat(tally(voting).getJsonObject("event").getBoolean("screenTurnoutOnly")).isTrue();

      page.getByTestId("screen-link-label").fill("主会场大屏");
      page.getByTestId("create-screen-link").click();
      String url = page.getByTestId("screen-link-url").first().inputValue();
      assertThat(url).startsWith(server.baseUrl() + "/screen/" + voting.eventId + "#key=");
      assertThat(page.getByTestId("screen-links")).containsText("主会场大屏");
      page.getByTestId("screen-panel").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
          .setPath(java.nio.file.Path.of("target/screenshots/console-screen-panel.png")));

      Page screen = projector.newPage();
      screen.navigate(url);
      assertThat(screen.getByTestId("screen-title")).hasText("大屏设置");
      assertThat(screen.getByTestId("screen-message")).containsText("投票结束后显示结果");
      assertThat(screen.url()).doesNotContain("key=");

      page.getByTestId("revoke-screen-link").click();
      page.getByTestId("confirm-ok").click();
      assertThat(page.getByTestId("screen-links")).containsText("已收回");
      // The open screen stops at once: its stream is closed and its key refused on reconnecting.
      assertThat(screen.getByTestId("screen-message")).containsText("大屏链接无效或已被收回");
      assertThat(screen.getByTestId("turnout-returned")).hasCount(0);
    }
  }

  @Test
  void openScreenShowsTheBigScreenWithTheConsolesSession() {
    Voting voting = Voting.open(admin, "工作人员打开大屏");
    try (BrowserContext console = browser.desktop()) {
      Page page = signedIn(console, voting);
      Page screen = console.waitForPage(() -> page.getByTestId("open-screen").click());
      assertThat(screen.getByTestId("screen-title")).hasText("工作人员打开大屏");
      assertThat(screen.getByTestId("turnout-expected")).hasText("60");
    }
  }

  private static Page signedIn(BrowserContext context, Voting voting) {
    Page page = context.newPage();
    ConsoleSignIn.asAdmin(page, server.baseUrl() + "/console/#/events/" + voting.eventId);
    assertThat(page.getByTestId("screen-panel")).isVisible();
    return page;
  }

  private static io.vertx.core.json.JsonObject tally(Voting voting) {
    return admin.get("/api/events/" + voting.eventId + "/tally").bodyAsJsonObject();
  }
}
