package org.pingyi.vote;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.BrowserExtension;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Slow;

/** A slip that cannot vote says why, in one clear Chinese heading, and shows no ballot. */
@Slow
class VoterErrorScreensBrowserTest {
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
  void anUnknownTokenIsAnInvalidSlip() {
    expectScreen(server.baseUrl() + "/v/AAAAAAAAAAAAAAAAAAAAAAAAAAA", "票签无效", "unknown");
  }

  @Test
  void aVoidedSlipSaysSo() {
    VotingEvent event = VotingEvent.open(organizer, "作废票签");
    String url = event.slips(2, server.baseUrl()).get(1);
    assertThat(organizer.post("/api/events/" + event.id + "/slips/A-0002/void", null).statusCode()).isEqualTo(200);

    expectScreen(url, "此票签已作废", "void");
  }

  @Test
  void aSlipRegisteredUnreturnedSaysSoAndNotThatItWasSubmitted() {
    VotingEvent event = VotingEvent.open(organizer, "未收回票签");
    String url = event.slips(1, server.baseUrl()).get(0);
    event.transition("close");
    assertThat(organizer.post("/api/events/" + event.id + "/slips/unreturned", null).statusCode()).isEqualTo(200);

    expectScreen(url, "此票签已登记为未收回", "unreturned");
  }

  @Test
  void aClosedEventSaysVotingIsOver() {
    VotingEvent event = VotingEvent.open(organizer, "已结束");
    String url = event.slips(1, server.baseUrl()).get(0);
    event.transition("close");

    expectScreen(url, "投票已结束", "closed");
    try (BrowserContext context = browser.phone()) {
      assertThat(new VoterPage(context.newPage()).open(url).page.getByTestId("ending-event")).hasText("已结束");
    }
  }

  @Test
  void aDraftEventSaysVotingHasNotStartedAndRefreshFindsItOpen() {
    VotingEvent event = VotingEvent.draft(organizer, "尚未开始");
    String url = event.slips(1, server.baseUrl()).get(0);
    try (BrowserContext context = browser.phone()) {
      VoterPage voter = new VoterPage(context.newPage()).open(url);
      assertThat(voter.heading()).hasText("投票尚未开始");
      assertThat(voter.heading()).isFocused();
      voter.screenshot("not-open");

      event.transition("open");
      voter.button("刷新").click();

      assertThat(voter.heading()).hasText("尚未开始");
      assertThat(voter.radio("张三 认同")).isVisible();
    }
  }

  @Test
  void aUsedSlipSaysItWasSubmitted() {
    VotingEvent event = VotingEvent.open(organizer, "已提交");
    String url = event.slips(1, server.baseUrl()).get(0);
    var cast = server.api().post("/api/v/" + VotingEvent.token(url), new JsonObject()
        .put("nonce", "n".repeat(43)).put("answers", event.answers()));
    assertThat(cast.statusCode()).as(cast.bodyAsString()).isEqualTo(201);

    expectScreen(url, "选票已提交", "used");
    try (BrowserContext context = browser.phone()) {
      VoterPage voter = new VoterPage(context.newPage()).open(url);
      // Calm, with the meeting's name and what to do if it was not the holder who voted.
      assertThat(voter.page.getByTestId("ending-event")).hasText("已提交");
      assertThat(voter.page.getByText("如果不是您本人提交的，请联系会场工作人员。")).isVisible();
      assertThat(voter.heading()).hasCSS("color", "rgb(29, 107, 58)");
    }
  }

  @Test
  void aNetworkFailureOnLoadingOffersToRetry() {
    VotingEvent event = VotingEvent.open(organizer, "网络中断");
    String url = event.slips(1, server.baseUrl()).get(0);
    try (BrowserContext context = browser.phone()) {
      VoterPage voter = new VoterPage(context.newPage());
      voter.page.route("**/api/v/**", route -> route.abort());
      voter.open(url);
      assertThat(voter.heading()).hasText("无法连接服务器");
      voter.screenshot("end-network");

      voter.page.unrouteAll();
      voter.button("重试").click();

      assertThat(voter.radio("张三 认同")).isVisible();
    }
  }

  @Test
  void aClosedEventRefusesTheSubmissionOfAnOpenPage() {
    VotingEvent event = VotingEvent.open(organizer, "提交时已结束");
    String url = event.slips(1, server.baseUrl()).get(0);
    try (BrowserContext context = browser.phone()) {
      VoterPage voter = new VoterPage(context.newPage()).open(url);
      voter.answerEveryCadre();
      voter.button("下一步：核对").click();
      event.transition("close");
      voter.button("确认提交").click();

      assertThat(voter.heading()).hasText("投票已结束");
      assertThat(voter.page.evaluate("() => sessionStorage.length")).isEqualTo(0);
    }
  }

  private static void expectScreen(String url, String heading, String name) {
    try (BrowserContext context = browser.phone()) {
      VoterPage voter = new VoterPage(context.newPage()).open(url);
      assertThat(voter.heading()).hasText(heading);
      assertThat(voter.heading()).isFocused();
      assertThat(voter.page.locator("form")).hasCount(0);
      voter.screenshot("end-" + name);
    }
  }
}
