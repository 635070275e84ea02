package org.pingyi.screen;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.BrowserExtension;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Slow;
import org.pingyi.support.Voting;

/** The big screen in Chromium at 1920×1080, opened through a screen link while ballots arrive over the API. */
@Slow
class BigScreenBrowserTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  @RegisterExtension
  static final BrowserExtension browser = new BrowserExtension();
  private static Api organizer;

  @BeforeAll
  static void setUp() {
    organizer = server.api().asAdmin().newStaff("organizer", "organizer", "organizer-pass");
  }

  @Test
  void ballotsMoveTheTurnoutAtOnceAndTheResultsInMixedBatchesWithoutReloading() {
    Voting voting = Voting.open(organizer, "2026年度一报告两评议");
    liveResults(voting);
    List<String> tokens = voting.slips(organizer, "B", 10);
    try (BrowserContext context = browser.projector()) {
      List<String> errors = new CopyOnWriteArrayList<>();
      context.onConsoleMessage(m -> {
        if (m.type().equals("error")) errors.add(m.text());
      });
      Page page = open(context, voting);
      page.onPageError(errors::add);
      assertThat(page.getByTestId("screen-title")).hasText("2026年度一报告两评议");
      assertThat(page.getByTestId("turnout-issued")).hasText("10");
      assertThat(page.getByTestId("turnout-expected")).hasText("60");
      assertThat(cadreRow(page, voting, "李四")).containsText("0（—）");
      assertThat(page.getByTestId("live-note")).containsText("已计入 0 张，每累计至少 5 张选票更新一次");
      // Rotation paused (the space bar), so the first page, whose chart is read below, stays on view.
      page.keyboard().press(" ");
      assertThat(page.getByTestId("pager")).containsText("已暂停");
      page.evaluate("() => { window.sameDocument = true; }");

      for (int i = 0; i < tokens.size(); i++) {
        cast(tokens.get(i), voting);
        // Turnout is public in the hall: it moves with every ballot.
        assertThat(page.getByTestId("turnout-returned")).hasText(String.valueOf(i + 1));
      }

      // Results move only in mixed batches: with 10 held, 5 are mixed in and a random 5 wait (k = 5).
      assertThat(page.getByTestId("live-note")).containsText("已计入 5 张");
      // The note has a band of its own: it covers no slide's title, however long.
      var note = page.getByTestId("live-note").boundingBox();
      var title = page.locator(".slide.current .sl-title").boundingBox();
      org.assertj.core.api.Assertions.assertThat(note.y + note.height).isLessThanOrEqualTo(title.y);
      // Voting.validAnswers marks 李四 不认同 on every ballot: 5 of 5 valid ballots, flagged above one third.
      assertThat(cadreRow(page, voting, "李四")).containsText("5（100.00%）");
      assertThat(cadreRow(page, voting, "李四")).containsText("不认同率 100.00%");
      assertThat(chartValue(page, cadreSlide(voting), 2, 1)).isEqualTo(5);
      assertThat(page.getByTestId("turnout-line")).hasText("到会 10 人，未达到应到人数的 2/3（40 人）");
      // The picture for a reviewer's eyes is taken once the charts' growth animation (under a second) is over.
      page.waitForTimeout(1500);
      page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/big-screen.png")));

      organizer.post("/api/events/" + voting.eventId + "/close", null);
      assertThat(cadreRow(page, voting, "李四")).containsText("10（100.00%）");
      assertThat(page.getByTestId("live-note")).isHidden();
      assertThat(page.evaluate("() => window.sameDocument")).isEqualTo(true);
      // Nothing refused by the Content-Security-Policy, nothing thrown.
      assertThat(errors).isEmpty();
    }
  }

  @Test
  void byDefaultTheScreenShowsNoResultsUntilTheEventCloses() {
    Voting voting = Voting.open(organizer, "只显示投票人数");
    List<String> tokens = voting.slips(organizer, "B", 2);
    try (BrowserContext context = browser.projector()) {
      Page page = open(context, voting);
      assertThat(page.getByTestId("screen-message")).containsText("投票结束后显示结果");
      cast(tokens.get(0), voting);
      assertThat(page.getByTestId("turnout-returned")).hasText("1");
      assertThat(page.getByTestId("slide")).hasCount(0);
      assertThat(page.locator("body")).not().containsText("李四");
      page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/big-screen-turnout-only.png")));

      organizer.post("/api/events/" + voting.eventId + "/close", null);

      assertThat(page.getByTestId("screen-message")).isHidden();
      assertThat(cadreRow(page, voting, "李四")).containsText("1（100.00%）");
      assertThat(page.getByTestId("screen-status")).hasText("投票已结束");
    }
  }

  @Test
  void offlineTheScreenSaysItsNumbersAreStaleAndCatchesUpWhenBackOnline() {
    Voting voting = Voting.open(organizer, "断网重连");
    String token = voting.slips(organizer, "B", 1).get(0);
    try (BrowserContext context = browser.projector()) {
      Page page = open(context, voting);
      assertThat(page.getByTestId("turnout-returned")).hasText("0");

      context.setOffline(true);
      assertThat(page.getByTestId("stale-banner"))
          .hasText(Pattern.compile("连接中断，正在重新连接…（显示的是 \\d\\d:\\d\\d:\\d\\d 的数据）"));
      cast(token, voting);
      assertThat(page.getByTestId("turnout-returned")).hasText("0");
      page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/big-screen-stale.png")));

      context.setOffline(false);
      assertThat(page.getByTestId("turnout-returned")).hasText("1");
      assertThat(page.getByTestId("stale-banner")).isHidden();
    }
  }

  @Test
  void aWrongOrRevokedKeyIsRefusedInWordsAndNotRetried() {
    Voting voting = Voting.open(organizer, "收回的链接");
    JsonObject link = organizer.post("/api/events/" + voting.eventId + "/screen-links", new JsonObject())
        .bodyAsJsonObject();
    organizer.delete("/api/events/" + voting.eventId + "/screen-links/" + link.getString("id"));
    for (String path : List.of(link.getString("path"), "/screen/" + voting.eventId + "#key=not-a-real-key-at-all")) {
      try (BrowserContext context = browser.projector()) {
        Page page = context.newPage();
        List<String> streams = new CopyOnWriteArrayList<>();
        page.onRequest(r -> {
          if (r.url().endsWith("/tally/stream")) streams.add(r.url());
        });
        page.navigate(server.baseUrl() + path);
        assertThat(page.getByTestId("screen-message")).containsText("大屏链接无效或已被收回");
        assertThat(page.getByTestId("screen-message")).containsText("请向组织者索取新的大屏链接");
        page.waitForTimeout(2500);
        assertThat(streams).hasSize(1);
        assertThat(page.getByTestId("turnout-returned")).hasCount(0);
      }
    }
  }

  @Test
  void markupInAnEventTitleOrACandidateNameIsShownAsText() {
    String title = "<img src=x onerror=\"window.pwned=1\">评议";
    String name = "<img src=x onerror=window.pwned=2>";
    Voting voting = Voting.prepare(organizer, title);
    organizer.post("/api/forms/" + voting.recommendationForm + "/paste", new JsonObject().put("questionId", "rec")
        .put("positionId", "p1").put("tsv", name + "\t男\t1980.01\t科长\n钱二\t女\t1982.05\t副科长\n"));
    voting.open(organizer);
    liveResults(voting);
    try (BrowserContext context = browser.projector()) {
      Page page = context.newPage();
      List<String> requests = new CopyOnWriteArrayList<>();
      page.onRequest(r -> requests.add(r.url()));
      page.navigate(server.baseUrl() + screenLink(voting));

      assertThat(page.getByTestId("screen-title")).hasText(title);
      Locator candidates = page.locator("[data-slide^='" + voting.recommendationForm + "|rec|p1'] table");
      assertThat(candidates).containsText(name);
      assertThat(page.locator("img")).hasCount(0);
      assertThat(page.evaluate("() => window.pwned === undefined")).isEqualTo(true);
      assertThat(requests).noneMatch(u -> u.endsWith("/x"));
    }
  }

  @Test
  void theScreenFetchesNothingFromOutsideItsServer() {
    Voting voting = Voting.open(organizer, "离线会场");
    liveResults(voting);
    try (BrowserContext context = browser.projector()) {
      Page page = context.newPage();
      List<String> requests = new CopyOnWriteArrayList<>();
      page.onRequest(r -> requests.add(r.url()));
      page.navigate(server.baseUrl() + screenLink(voting));
      assertThat(page.getByTestId("turnout-returned")).hasText("0");
      assertThat(page.getByTestId("chart").first()).isVisible();
      assertThat(page.evaluate("() => typeof echarts.getInstanceByDom(document.querySelector('.current .chart'))"))
          .isEqualTo("object");

      assertThat(requests).contains(server.baseUrl() + "/vendor/echarts.min.js")
          .allMatch(u -> u.startsWith(server.baseUrl() + "/"));
    }
  }

  /** Live results are the organizer's choice; new events show only the turnout until they close. */
  private static void liveResults(Voting voting) {
    var set = organizer.put("/api/events/" + voting.eventId + "/screen", new JsonObject().put("turnoutOnly", false));
    org.assertj.core.api.Assertions.assertThat(set.statusCode()).isEqualTo(200);
  }

  private static Page open(BrowserContext context, Voting voting) {
    Page page = context.newPage();
    page.navigate(server.baseUrl() + screenLink(voting));
    assertThat(page.getByTestId("turnout-returned")).isVisible();
    return page;
  }

  private static String screenLink(Voting voting) {
    return organizer.post("/api/events/" + voting.eventId + "/screen-links", new JsonObject().put("label", "主会场"))
        .bodyAsJsonObject().getString("path");
  }

  private static void cast(String token, Voting voting) {
    var cast = server.api().post("/api/v/" + token, Voting.ballot(Voting.newNonce(), voting.validAnswers()));
    assertThat(cast.statusCode()).isEqualTo(201);
  }

  private static String cadreSlide(Voting voting) {
    return voting.newCadresForm + "|cadres|1";
  }

  private static Locator cadreRow(Page page, Voting voting, String cadre) {
    return page.locator("[data-slide='" + cadreSlide(voting) + "'] table tr")
        .filter(new Locator.FilterOptions().setHasText(cadre));
  }

  /** The value ECharts itself holds for a series and row of the chart on a page (the page must be on view). */
  private static int chartValue(Page page, String slide, int series, int row) {
    Object value = page.evaluate("([slide, s, r]) => echarts.getInstanceByDom(document.querySelector("
        + "'[data-slide=\"' + slide + '\"] .chart')).getOption().series[s].data[r]", List.of(slide, series, row));
    return ((Number) value).intValue();
  }
}
