package org.pingyi.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.slip.SlipTokens;
import org.pingyi.support.Api;
import org.pingyi.support.BrowserExtension;
import org.pingyi.support.Db;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Voting;

/** 纸质票双人录入 in Chromium: two clerks, each in their own browser, enter the same paper ballot. */
class PaperEntryBrowserTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  @RegisterExtension
  static final BrowserExtension browser = new BrowserExtension();
  private static Api organizer;
  private static Voting voting;
  private static Db db;
  private static final List<String> serials = new ArrayList<>();

  @BeforeAll
  static void openAnEventWithClerks() {
    organizer = server.api().asAdmin().newStaff("organizer", "organizer", "organizer-pass");
    server.api().asAdmin().newStaff("clerk1", "clerk", "clerk1-password");
    server.api().asAdmin().newStaff("clerk2", "clerk", "clerk2-password");
    voting = Voting.open(organizer, "纸质票录入（浏览器）");
    db = new Db(server.database());
    for (String token : voting.slips(organizer, "B", 3)) {
      serials.add(db.strings("SELECT serial FROM slips WHERE token_sha256 = ?", SlipTokens.hash(token)).get(0));
    }
  }

  @Test
  void twoClerksEnterTheSameBallotAndItIsCountedAsPaper() {
    String serial = serials.get(0);
    long before = paperCount("B");
    try (BrowserContext first = browser.desktop(); BrowserContext second = browser.desktop()) {
      Page clerk1 = signIn(first, "clerk1", "clerk1-password", "#/events/" + voting.eventId);
      clerk1.getByTestId("paper-link").click();
      enter(clerk1, serial, "张三 认同", "赵一 推荐");
      assertThat(clerk1.getByTestId("paper-result")).containsText("已录入第一遍，等待另一名工作人员录入第二遍");
      assertThat(clerk1.getByTestId("paper-serial")).hasValue("");
      assertThat(clerk1.getByTestId("paper-serial")).isFocused();
      assertThat(entryForm(clerk1).getByRole(AriaRole.RADIO, name("张三 认同"))).not().isChecked();
      Locator waiting = pendingItem(clerk1, serial);
      assertThat(waiting).containsText("等待第二遍录入");
      assertThat(waiting).containsText("clerk1");

      Page clerk2 = signIn(second, "clerk2", "clerk2-password", "#/events/" + voting.eventId + "/paper");
      enter(clerk2, serial, "张三 认同", "赵一 推荐");
      assertThat(clerk2.getByTestId("paper-result")).containsText("两遍录入一致，已计票");
      assertThat(pendingItem(clerk2, serial)).hasCount(0);
      assertThat(clerk2.locator("[data-testid=paper-counts] tr[data-category=B] td").nth(2))
          .hasText(String.valueOf(before + 1));
      clerk2.screenshot(new Page.ScreenshotOptions().setPath(Path.of("/tmp/paper-counted.png")).setFullPage(true));

      enter(clerk2, serial, "张三 认同");
      assertThat(clerk2.getByTestId("paper-result")).containsText("已投票或已计入");
    }
    org.assertj.core.api.Assertions.assertThat(paperCount("B")).isEqualTo(before + 1);
  }

  @Test
  void aMismatchIsShownSideBySideAndCountsOnceTheWrongEntryIsDiscardedAndEnteredAgain() {
    String serial = serials.get(1);
    long before = paperCount("B");
    try (BrowserContext first = browser.desktop(); BrowserContext second = browser.desktop()) {
      Page clerk1 = signIn(first, "clerk1", "clerk1-password", "#/events/" + voting.eventId + "/paper");
      enter(clerk1, serial, "张三 认同");
      Page clerk2 = signIn(second, "clerk2", "clerk2-password", "#/events/" + voting.eventId + "/paper");
      enter(clerk2, serial, "张三 不认同");
      assertThat(clerk2.getByTestId("paper-result")).containsText("两遍录入不一致，请核对纸质票");

      Locator item = pendingItem(clerk2, serial);
      assertThat(item.getByTestId("pending-entry")).hasCount(2);
      Locator byClerk1 = item.locator("[data-testid=pending-entry][data-clerk=clerk1]");
      Locator byClerk2 = item.locator("[data-testid=pending-entry][data-clerk=clerk2]");
      assertThat(byClerk1).containsText("录入人：clerk1");
      assertThat(byClerk1.getByRole(AriaRole.RADIO, name("张三 认同"))).isChecked();
      assertThat(byClerk1.getByRole(AriaRole.RADIO, name("张三 认同"))).isDisabled();
      assertThat(byClerk2.getByRole(AriaRole.RADIO, name("张三 不认同"))).isChecked();
      assertThat(byClerk1.locator(".paper-diff")).hasCount(1);
      assertThat(byClerk2.locator(".paper-diff")).containsText("张三");
      clerk2.screenshot(new Page.ScreenshotOptions().setPath(Path.of("/tmp/paper-mismatch.png")).setFullPage(true));

      byClerk2.getByTestId("discard-entry").click();
      clerk2.getByTestId("confirm-ok").click();
      assertThat(item.getByTestId("pending-entry")).hasCount(1);
      assertThat(item).containsText("等待第二遍录入");

      enter(clerk2, serial, "张三 认同");
      assertThat(clerk2.getByTestId("paper-result")).containsText("两遍录入一致，已计票");
    }
    org.assertj.core.api.Assertions.assertThat(paperCount("B")).isEqualTo(before + 1);
  }

  @Test
  void twoCandidatesMarkedForOneSeatAreRecordedAsMarkedAndCounted() {
    String serial = serials.get(2);
    try (BrowserContext first = browser.desktop(); BrowserContext second = browser.desktop()) {
      Page clerk1 = signIn(first, "clerk1", "clerk1-password", "#/events/" + voting.eventId + "/paper");
      enter(clerk1, serial, "赵一 推荐", "钱二 推荐");
      assertThat(clerk1.getByTestId("paper-result")).containsText("等待另一名工作人员");

      Page clerk2 = signIn(second, "clerk2", "clerk2-password", "#/events/" + voting.eventId + "/paper");
      Locator form = entryForm(clerk2);
      clerk2.getByTestId("paper-serial").fill(serial);
      form.getByRole(AriaRole.CHECKBOX, name("赵一 推荐")).check();
      form.getByRole(AriaRole.CHECKBOX, name("钱二 推荐")).check();
      assertThat(form.getByRole(AriaRole.CHECKBOX, name("钱二 推荐"))).isChecked();
      assertThat(form.getByText("超过限选人数，该部分将按无效计")).isVisible();
      clerk2.screenshot(new Page.ScreenshotOptions().setPath(Path.of("/tmp/paper-over-limit.png")).setFullPage(true));
      clerk2.getByTestId("paper-submit").click();
      assertThat(clerk2.getByTestId("paper-result")).containsText("两遍录入一致，已计票");
    }
    org.assertj.core.api.Assertions.assertThat(db.count("""
        SELECT count(*) FROM cast_ballots WHERE event_id = ? AND channel = 'paper'
          AND jsonb_array_length(answers -> ? -> 'rec' -> 'p1' -> 'selected') = 2""",
        UUID.fromString(voting.eventId), voting.recommendationForm)).isEqualTo(1);
  }

  private Page signIn(BrowserContext context, String username, String password, String hash) {
    Page page = context.newPage();
    page.navigate(server.baseUrl() + "/console/" + hash);
    page.getByTestId("login-username").fill(username);
    page.getByTestId("login-password").fill(password);
    page.getByTestId("login-submit").click();
    assertThat(page.getByTestId("current-user")).containsText(username);
    return page;
  }

  private static void enter(Page page, String serial, String... choices) {
    Locator form = entryForm(page);
    page.getByTestId("paper-serial").fill(serial);
    for (String choice : choices) {
      Locator input = form.getByRole(choice.endsWith("推荐") ? AriaRole.CHECKBOX : AriaRole.RADIO, name(choice));
      input.check();
    }
    page.getByTestId("paper-submit").click();
  }

  private static Locator entryForm(Page page) {
    return page.getByTestId("paper-entry");
  }

  private static Locator pendingItem(Page page, String serial) {
    return page.locator("[data-testid=paper-pending] [data-testid=pending-serial][data-serial='" + serial + "']");
  }

  private static Locator.GetByRoleOptions name(String accessibleName) {
    return new Locator.GetByRoleOptions().setName(accessibleName).setExact(true);
  }

  private static long paperCount(String category) {
    return organizer.get("/api/events/" + voting.eventId + "/ballots/counts").bodyAsJsonArray().stream()
        .map(c -> (JsonObject) c).filter(c -> c.getString("category").equals(category)).findFirst().orElseThrow()
        .getLong("paper");
  }
}
