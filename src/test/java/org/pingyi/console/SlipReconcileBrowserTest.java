package org.pingyi.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.BrowserExtension;
import org.pingyi.support.ConsoleSignIn;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Slow;
import org.pingyi.support.Voting;

/** The organizer's end of the day in Chromium: slip counts move while voting, then every unused slip is accounted for. */
@Slow
class SlipReconcileBrowserTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  @RegisterExtension
  static final BrowserExtension browser = new BrowserExtension();

  @Test
  void afterClosingTheOrganizerVoidsTheBlankSlipsDeclaresTheRestUnreturnedAndTheCheckPasses() {
    Api admin = server.api().asAdmin();
    Voting voting = Voting.open(admin, "年终清点");
    List<String> a = voting.slips(admin, "A", 5);
    voting.slips(admin, "B", 3);
    for (int i : new int[] {0, 2}) {
      server.api().post("/api/v/" + a.get(i), Voting.ballot(Voting.newNonce(), voting.validAnswers()));
    }
    try (BrowserContext context = browser.office()) {
      Page page = signedIn(context, voting.eventId);
      List<String> problems = new ArrayList<>();
      page.onPageError(problems::add);

      page.getByTestId("close-event").click();
      page.getByTestId("confirm-ok").click();
      assertThat(page.getByTestId("event-status")).hasText("已结束");

      Locator unused = page.getByTestId("unused-serials");
      assertThat(unused.locator("tr[data-category=A] td").nth(2)).hasText("A-0002、A-0004 至 A-0005");
      assertThat(unused.locator("tr[data-category=B] td").nth(2)).hasText("B-0001 至 B-0003");
      assertThat(page.getByTestId("unused-total")).containsText("还有 6 张票签");
      screenshot(page, "slips-after-close.png");

      // The blank slips collected back: voided, after a question that names them.
      page.getByTestId("void-serial").fill("A-0002, B-0001 至 B-0002");
      page.getByTestId("void-slip").click();
      assertThat(page.getByTestId("confirm-dialog")).containsText("将作废 3 张票签：A-0002、B-0001、B-0002");
      screenshot(page, "slips-void-question.png");
      page.getByTestId("confirm-ok").click();
      assertThat(page.getByTestId("slips-error")).containsText("已作废 3 张票签");
      assertThat(page.getByTestId("declare-unreturned")).hasText("将其余 3 张登记为未收回");

      // The rest were handed out and not returned.
      page.getByTestId("declare-unreturned").click();
      assertThat(page.getByTestId("confirm-dialog")).containsText("A 类 2 张：A-0004 至 A-0005；B 类 1 张：B-0003");
      assertThat(page.getByTestId("confirm-dialog")).containsText("登记为“未收回”");
      page.getByTestId("confirm-ok").click();
      assertThat(page.getByTestId("unused-total")).hasText("所有票签都已有着落（已投票、已作废或已登记为未收回）。");
      Locator counts = page.getByTestId("slip-counts");
      assertThat(counts.locator("tr[data-category=A] td")).hasText(new String[] {"A 领导班子成员", "5", "0", "2", "1", "2"});
      assertThat(counts.locator("tr[data-category=B] td")).hasText(new String[] {"B 干部职工代表", "3", "0", "0", "2", "1"});
      assertThat(page.getByTestId("declare-unreturned")).isHidden();
      assertThat(page.getByTestId("unused-serials")).isHidden();
      screenshot(page, "slips-accounted.png");

      page.getByTestId("exports-link").click();
      assertThat(page.getByTestId("completeness-ok")).isVisible();
      assertThat(page.getByTestId("archive-button")).isEnabled();
      org.assertj.core.api.Assertions.assertThat(problems).isEmpty();
    }
  }

  @Test
  void whileVotingIsOpenTheSlipCountsMoveWithoutAReload() {
    Api admin = server.api().asAdmin();
    Voting voting = Voting.open(admin, "实时票数");
    List<String> tokens = voting.slips(admin, "B", 4);
    try (BrowserContext context = browser.office()) {
      Page page = signedIn(context, voting.eventId);
      Locator b = page.getByTestId("slip-counts").locator("tr[data-category=B] td");
      assertThat(b.nth(3)).hasText("0");
      assertThat(page.getByTestId("slip-live")).containsText("实时更新");

      server.api().post("/api/v/" + tokens.get(1), Voting.ballot(Voting.newNonce(), voting.validAnswers()));
      server.api().post("/api/v/" + tokens.get(3), Voting.ballot(Voting.newNonce(), voting.validAnswers()));

      assertThat(b.nth(3)).hasText("2");
      assertThat(b.nth(2)).hasText("2");
      // Counts only: no serial of a used or unused slip is on the page while voting is open.
      org.assertj.core.api.Assertions.assertThat(page.getByTestId("slips-panel").innerText()).doesNotContain("B-0002");
      screenshot(page, "slips-live.png");
    }
  }

  private static Page signedIn(BrowserContext context, String eventId) {
    Page page = context.newPage();
    ConsoleSignIn.asAdmin(page, server.baseUrl() + "/console/#/events/" + eventId);
    assertThat(page.getByTestId("slips-panel")).isVisible();
    return page;
  }

  private static void screenshot(Page page, String name) {
    page.getByTestId("slips-panel").scrollIntoViewIfNeeded();
    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots", name)));
  }
}
