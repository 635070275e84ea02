package org.pingyi.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Paths;
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
import org.pingyi.support.Voting;

/** The event page's stepper follows an event from an empty draft to the archive, saying each time what comes next. */
@Slow
class StepperBrowserTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  @RegisterExtension
  static final BrowserExtension browser = new BrowserExtension();

  @Test
  void theStepperSaysWhereTheEventIsAndWhatIsNext() {
    Api organizer = server.api().asAdmin();
    String emptyDraft = organizer.post("/api/events", Fixtures.event("空白草稿")).bodyAsJsonObject().getString("id");
    Voting voting = Voting.prepare(organizer, "进度条");
    List<String> problems = new ArrayList<>();
    try (BrowserContext context = browser.desktop()) {
      Page page = context.newPage();
      page.onPageError(problems::add);
      ConsoleSignIn.asAdmin(page, server.baseUrl() + "/console/#/events/" + emptyDraft);

      assertCurrent(page, "准备", 0);
      assertThat(page.getByTestId("step-next")).containsText("从模板新建表单");

      page.navigate(server.baseUrl() + "/console/#/events/" + voting.eventId);
      assertCurrent(page, "发放票签", 1);
      assertThat(page.getByTestId("step-next")).containsText("发放票签并打印");

      voting.slips(organizer, "B", 2);
      page.reload();
      assertCurrent(page, "投票", 2);
      assertThat(page.getByTestId("step-next")).containsText("开始投票");
      page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screenshots/stepper-draft.png")));

      page.getByTestId("open-event").click();
      page.getByTestId("confirm-ok").click();
      assertThat(page.getByTestId("event-status")).hasText("投票中");
      assertCurrent(page, "投票", 2);
      assertThat(page.getByTestId("step-next")).containsText("投票进行中");

      page.getByTestId("close-event").click();
      page.getByTestId("confirm-ok").click();
      assertThat(page.getByTestId("event-status")).hasText("已结束");
      assertCurrent(page, "计票核对", 3);
      page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screenshots/stepper-closed.png")));
      page.getByTestId("step-next").getByText("前往导出与归档").click();
      assertThat(page.getByTestId("exports-page")).isVisible();

      organizer.post("/api/events/" + voting.eventId + "/slips/unreturned", null);
      var archived = organizer.post("/api/events/" + voting.eventId + "/archive", null);
      org.assertj.core.api.Assertions.assertThat(archived.statusCode()).as(archived.bodyAsString()).isEqualTo(200);
      page.navigate(server.baseUrl() + "/console/#/events/" + voting.eventId);
      assertThat(page.locator("[data-testid=stepper] li[data-state=done]")).hasCount(5);
      assertThat(page.getByTestId("step-next")).containsText("已归档");
    }
    org.assertj.core.api.Assertions.assertThat(problems).isEmpty();
  }

  /** The named step is current, and exactly the steps before it are done. */
  private static void assertCurrent(Page page, String name, int index) {
    Locator steps = page.locator("[data-testid=stepper] li");
    assertThat(steps).hasCount(5);
    assertThat(steps.nth(index)).hasAttribute("data-state", "current");
    assertThat(steps.nth(index)).containsText(name);
    assertThat(page.locator("[data-testid=stepper] li[data-state=done]")).hasCount(index);
  }
}
