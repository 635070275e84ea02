package org.pingyi.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.crypto.StoredSecrets;
import org.pingyi.support.Api;
import org.pingyi.support.BrowserExtension;
import org.pingyi.support.ConsoleSignIn;
import org.pingyi.support.Db;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Slow;
import org.pingyi.support.Voting;

/**
 * 纸质票双人录入 at a desk in Chromium: two clerks, each in their own browser, enter the same paper ballot from the
 * keyboard (five cadres, then the year's work); a mismatch shows the differing cells only, and keeping one entry
 * lets the ballot count once it is entered again.
 */
@Slow
class PaperEntryBrowserTest {
  /** 张三 认同/不存在, 李四 基本认同/不存在, 王五 不认同/不存在 with reason 1, 赵六 不了解/不了解, 孙七 认同/不存在. */
  private static final List<String> CADRES = List.of("1", "2", "2", "2", "3", "2", "1", "Enter", "4", "3", "1", "2");
  /** 好, 较好, 好; problems 3 and 10 (key a); a suggestion typed; the second text left empty. */
  private static final List<String> CADRE_WORK = List.of("1", "2", "1", "3", "a", "Enter", "type:加强监督", "Enter", "Enter");

  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  @RegisterExtension
  static final BrowserExtension browser = new BrowserExtension();
  private static Api organizer;
  private static Voting desk;
  private static Voting voting;
  private static Db db;
  private static List<String> deskSerials;
  private static List<String> votingSerials;

  @BeforeAll
  static void openEventsWithClerks() {
    organizer = server.api().asAdmin().newStaff("organizer", "organizer", "organizer-pass");
    server.api().asAdmin().newStaff("clerk1", "clerk", "clerk1-password");
    server.api().asAdmin().newStaff("clerk2", "clerk", "clerk2-password");
    db = new Db(server.database());
    desk = Voting.openWithFiveCadres(organizer, "纸质票录入（办公桌）");
    voting = Voting.open(organizer, "纸质票录入（推荐）");
    deskSerials = serials(desk, 3);
    votingSerials = serials(voting, 1);
  }

  @Test
  void twoClerksEnterTheSameBallotByKeyboardOnlyAndItIsCounted() {
    String serial = deskSerials.get(0);
    long before = paperCount(desk, "B");
    try (BrowserContext first = browser.office(); BrowserContext second = browser.office()) {
      Page clerk1 = signIn(first, "clerk1", "clerk1-password", "#/events/" + desk.eventId + "/paper");
      JsonObject sent = typeBallot(clerk1, serial, keys(CADRES, CADRE_WORK), "/tmp/paper-desk-entering.png");
      org.assertj.core.api.Assertions.assertThat(sent).isEqualTo(expectedAnswers("basic"));
      assertThat(clerk1.getByTestId("paper-result")).containsText("已录入第一遍，等待另一名工作人员录入第二遍");
      assertThat(clerk1.getByTestId("paper-serial")).hasValue("");
      assertThat(clerk1.getByTestId("paper-serial")).isFocused();
      assertThat(entryForm(clerk1).getByRole(AriaRole.RADIO, name("张三 认同"))).not().isChecked();
      assertThat(pendingItem(clerk1, serial)).containsText("等待第二遍录入");
      assertThat(pendingItem(clerk1, serial)).containsText("clerk1");

      Page clerk2 = signIn(second, "clerk2", "clerk2-password", "#/events/" + desk.eventId + "/paper");
      org.assertj.core.api.Assertions.assertThat(typeBallot(clerk2, serial, keys(CADRES, CADRE_WORK), null))
          .isEqualTo(expectedAnswers("basic"));
      assertThat(clerk2.getByTestId("paper-result")).containsText("两遍一致，已计票");
      assertThat(pendingItem(clerk2, serial)).hasCount(0);
      assertThat(clerk2.locator("[data-testid=paper-counts] tr[data-category=B] td").nth(2))
          .hasText(String.valueOf(before + 1));

      clerk2.keyboard().type(serial);
      clerk2.getByTestId("paper-submit").click();
      assertThat(clerk2.getByTestId("paper-result")).containsText("已投票或已计入");
    }
    org.assertj.core.api.Assertions.assertThat(paperCount(desk, "B")).isEqualTo(before + 1);
  }

  @Test
  void aMismatchMarksOnlyTheDifferingCellPairAndCountsOnceOneEntryIsKeptAndEnteredAgain() {
    String serial = deskSerials.get(1);
    long before = paperCount(desk, "B");
    List<String> misread = new ArrayList<>(CADRES);
    misread.set(2, "1"); // 李四: 认同 instead of 基本认同
    try (BrowserContext first = browser.office(); BrowserContext second = browser.office()) {
      Page clerk1 = signIn(first, "clerk1", "clerk1-password", "#/events/" + desk.eventId + "/paper");
      typeBallot(clerk1, serial, keys(CADRES, CADRE_WORK), null);
      Page clerk2 = signIn(second, "clerk2", "clerk2-password", "#/events/" + desk.eventId + "/paper");
      typeBallot(clerk2, serial, keys(misread, CADRE_WORK), null);
      assertThat(clerk2.getByTestId("paper-result")).containsText("两遍录入不一致，请核对纸质票");

      clerk2.getByTestId("paper-show-mismatch").click();
      Locator item = pendingItem(clerk2, serial);
      assertThat(item.getByTestId("compare-head")).hasCount(2);
      Locator differing = item.getByTestId("diff-cell");
      assertThat(differing).hasCount(2);
      assertThat(differing.nth(0)).hasText("2 基本认同");
      assertThat(differing.nth(1)).hasText("1 认同");
      assertThat(item.locator("tr:has([data-testid=diff-cell])")).hasCount(1);
      assertThat(item.locator("tr:has([data-testid=diff-cell]) th")).hasText("李四");
      assertThat(item).containsText("标红的 1 处两遍录入不一致");
      clerk2.screenshot(new Page.ScreenshotOptions().setPath(Path.of("/tmp/paper-desk-mismatch.png")));

      item.locator("[data-testid=compare-head][data-clerk=clerk1]").getByTestId("keep-entry").click();
      assertThat(clerk2.getByTestId("confirm-dialog")).containsText("删除 clerk2 录入的第2遍");
      clerk2.getByTestId("confirm-ok").click();
      assertThat(item).containsText("等待第二遍录入");
      assertThat(item.getByTestId("pending-entry")).hasText("第一遍录入人：clerk1 删除此条录入");
      assertThat(clerk2.getByTestId("paper-serial")).hasValue(serial);
      assertThat(entryForm(clerk2).getByRole(AriaRole.RADIO, name("张三 认同"))).isFocused();

      for (String key : keys(CADRES, CADRE_WORK)) press(clerk2, key);
      assertThat(clerk2.getByTestId("paper-submit")).isFocused();
      clerk2.keyboard().press("Enter");
      assertThat(clerk2.getByTestId("paper-result")).containsText("两遍一致，已计票");
      assertThat(pendingItem(clerk2, serial)).hasCount(0);
    }
    org.assertj.core.api.Assertions.assertThat(paperCount(desk, "B")).isEqualTo(before + 1);
  }

  @Test
  void twoCandidatesMarkedForOneSeatAreKeptInTheWarningColourAndCounted() {
    String serial = votingSerials.get(0);
    try (BrowserContext first = browser.desktop(); BrowserContext second = browser.desktop()) {
      for (Page clerk : List.of(signIn(first, "clerk1", "clerk1-password", "#/events/" + voting.eventId + "/paper"),
          signIn(second, "clerk2", "clerk2-password", "#/events/" + voting.eventId + "/paper"))) {
        Locator form = entryForm(clerk);
        clerk.getByTestId("paper-serial").fill(serial);
        form.getByRole(AriaRole.CHECKBOX, name("赵一 推荐")).focus();
        clerk.keyboard().press("1");
        assertThat(form.getByRole(AriaRole.CHECKBOX, name("钱二 推荐"))).isFocused();
        clerk.keyboard().press("1");
        assertThat(form.getByRole(AriaRole.CHECKBOX, name("钱二 推荐"))).isChecked();
        assertThat(form.getByText("应推荐 1 人，已推荐 2 人；超过限选人数，该部分将按无效计")).isVisible();
        assertThat(form.locator(".desk-over")).hasCount(2);
        clerk.getByTestId("paper-submit").click();
      }
      assertThat(second.pages().get(0).getByTestId("paper-result")).containsText("两遍一致，已计票");
    }
    org.assertj.core.api.Assertions.assertThat(db.count("""
        SELECT count(*) FROM cast_ballots WHERE event_id = ? AND channel = 'paper'
          AND jsonb_array_length(answers -> ? -> 'rec' -> 'p1' -> 'selected') = 2""",
        UUID.fromString(voting.eventId), voting.recommendationForm)).isEqualTo(1);
  }

  @Test
  void atPhoneWidthTheLinesStackWithTheirLabelsAndAnEntryIsTaken() {
    String serial = deskSerials.get(2);
    try (BrowserContext phone = browser.phone()) {
      Page clerk1 = signIn(phone, "clerk1", "clerk1-password", "#/events/" + desk.eventId + "/paper");
      clerk1.getByTestId("paper-serial").fill(serial);
      Locator form = entryForm(clerk1);
      Locator basic = form.locator("tbody .desk-opt-text", new Locator.LocatorOptions().setHasText("基本认同")).first();
      assertThat(basic).isVisible();
      basic.click();
      assertThat(form.getByRole(AriaRole.RADIO, name("张三 基本认同"))).isChecked();
      org.assertj.core.api.Assertions.assertThat(
          (Integer) clerk1.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
      clerk1.screenshot(new Page.ScreenshotOptions().setPath(Path.of("/tmp/paper-phone.png")).setFullPage(true));
      clerk1.getByTestId("paper-submit").click();
      assertThat(clerk1.getByTestId("paper-result")).containsText("已录入第一遍");
    }
  }

  /** Types the serial and every key, checks that Enter has reached 提交, presses it and returns what was sent. */
  private static JsonObject typeBallot(Page page, String serial, List<String> keys, String screenshot) {
    assertThat(page.getByTestId("paper-serial")).isFocused();
    page.keyboard().type(serial);
    page.keyboard().press("Enter");
    assertThat(entryForm(page).getByRole(AriaRole.RADIO, name("张三 认同"))).isFocused();
    for (int i = 0; i < keys.size(); i++) {
      press(page, keys.get(i));
      if (screenshot != null && i == CADRES.size() + 1) {
        // Mid-entry: the five cadres done, 第1题 marked, the focus ring on 第2题.
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of(screenshot)));
      }
    }
    assertThat(page.getByTestId("paper-submit")).isFocused();
    Request request = page.waitForRequest(r -> r.method().equals("POST") && r.url().endsWith("/paper-ballots"),
        () -> page.keyboard().press("Enter"));
    return new JsonObject(request.postData()).getJsonObject("answers");
  }

  private static void press(Page page, String key) {
    if (key.startsWith("type:")) page.keyboard().type(key.substring(5));
    else page.keyboard().press(key);
  }

  private static List<String> keys(List<String> cadres, List<String> cadreWork) {
    List<String> all = new ArrayList<>(cadres);
    all.addAll(cadreWork);
    return all;
  }

  private static JsonObject expectedAnswers(String second) {
    JsonObject no = new JsonObject().put("canvass", "no");
    return new JsonObject()
        .put(desk.newCadresForm, new JsonObject().put("cadres", new JsonObject()
            .put("r1", new JsonObject().put("option", "agree").put("extra", no.copy()))
            .put("r2", new JsonObject().put("option", second).put("extra", no.copy()))
            .put("r3", new JsonObject().put("option", "disagree").put("extra", no.copy())
                .put("reasons", new JsonArray().add("ability")))
            .put("r4", new JsonObject().put("option", "unknown").put("extra", new JsonObject().put("canvass", "unknown")))
            .put("r5", new JsonObject().put("option", "agree").put("extra", no.copy()))))
        .put(desk.cadreWorkForm, new JsonObject().put("q1", "good").put("q2", "fair").put("q3", "good")
            .put("q4", new JsonArray().add("p3").add("p10")).put("q5", "加强监督"));
  }

  private Page signIn(BrowserContext context, String username, String password, String hash) {
    Page page = context.newPage();
    ConsoleSignIn.at(page, server.baseUrl() + "/console/" + hash, username, password);
    assertThat(page.getByTestId("current-user")).containsText(username);
    return page;
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

  private static List<String> serials(Voting event, int count) {
    return event.slips(organizer, "B", count).stream()
        .map(token -> db.strings("SELECT serial FROM slips WHERE token_sha256 = ?", StoredSecrets.hash(token)).get(0))
        .toList();
  }

  private static long paperCount(Voting event, String category) {
    return organizer.get("/api/events/" + event.eventId + "/ballots/counts").bodyAsJsonArray().stream()
        .map(c -> (JsonObject) c).filter(c -> c.getString("category").equals(category)).findFirst().orElseThrow()
        .getLong("paper");
  }
}
