package org.pingyi.vote;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.BrowserExtension;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Slow;

/** Conference Wi-Fi loses a submission or its answer: the voter retries with the same nonce and is counted once. */
@Slow
class VoterRetryBrowserTest {
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
  void aSubmissionThatNeverLeftIsRetriedWithTheSameNonceAndAnswers() {
    VotingEvent event = VotingEvent.open(organizer, "请求未送达");
    String url = event.slips(1, server.baseUrl()).get(0);
    try (BrowserContext context = browser.phone()) {
      Page page = context.newPage();
      List<String> posted = new ArrayList<>();
      page.route("**/api/v/**", route -> {
        if (!route.request().method().equals("POST")) {
          route.resume();
          return;
        }
        posted.add(route.request().postData());
        if (posted.size() == 1) route.abort();
        else route.resume();
      });
      VoterPage voter = new VoterPage(page).open(url);
      voter.answerEveryCadre();
      voter.checkbox("赵一 推荐").check();
      voter.button("下一步：核对").click();
      voter.button("确认提交").click();

      assertThat(page.getByTestId("status")).hasText("网络异常，提交未确认，请重试");
      assertThat(voter.heading()).hasText("核对您的选择");
      assertThat(page.locator(".v-sum-item").first()).containsText("张三");
      assertThat(page.getByText("推荐 赵一")).isVisible();
      assertThat(voter.button("返回修改")).isHidden();
      String saved = (String) page.evaluate("t => sessionStorage.getItem('pingyi:' + t)", VotingEvent.token(url));
      String nonce = new JsonObject(posted.get(0)).getString("nonce");
      assertThat(nonce).matches("[A-Za-z0-9_-]{43}");
      assertThat(new JsonObject(saved).getString("nonce")).isEqualTo(nonce);
      voter.screenshot("retry");

      voter.button("重新提交").click();

      assertThat(voter.receipt()).hasText(VoterPage.RECEIPT);
      assertThat(posted).hasSize(2);
      assertThat(new JsonObject(posted.get(1))).isEqualTo(new JsonObject(posted.get(0)));
      assertThat(page.evaluate("() => sessionStorage.length")).isEqualTo(0);
    }
    assertThat(event.used()).isEqualTo(1);
  }

  @Test
  void aSubmissionWhoseAnswerWasLostIsRecognisedOnRetry() {
    VotingEvent event = VotingEvent.open(organizer, "回应丢失");
    String url = event.slips(1, server.baseUrl()).get(0);
    try (BrowserContext context = browser.phone()) {
      Page page = context.newPage();
      List<String> receipts = new ArrayList<>();
      List<Integer> statuses = new ArrayList<>();
      page.route("**/api/v/**", route -> dropFirstAnswer(route, receipts, statuses));
      VoterPage voter = new VoterPage(page).open(url);
      voter.answerEveryCadre();
      voter.checkbox("赵一 推荐").check();
      voter.button("下一步：核对").click();
      voter.button("确认提交").click();
      assertThat(page.getByTestId("status")).hasText("网络异常，提交未确认，请重试");

      voter.button("重新提交").click();

      assertThat(voter.receipt()).hasText(receipts.get(0));
      assertThat(statuses).containsExactly(201, 200);
    }
    assertThat(event.used()).isEqualTo(1);
  }

  @Test
  void aReloadAfterALostAnswerBringsBackTheReceipt() {
    VotingEvent event = VotingEvent.open(organizer, "刷新找回回执");
    String url = event.slips(1, server.baseUrl()).get(0);
    try (BrowserContext context = browser.phone()) {
      Page page = context.newPage();
      List<String> receipts = new ArrayList<>();
      List<Integer> statuses = new ArrayList<>();
      page.route("**/api/v/**", route -> dropFirstAnswer(route, receipts, statuses));
      VoterPage voter = new VoterPage(page).open(url);
      voter.answerEveryCadre();
      voter.checkbox("赵一 推荐").check();
      voter.button("下一步：核对").click();
      voter.button("确认提交").click();
      assertThat(page.getByTestId("status")).hasText("网络异常，提交未确认，请重试");

      page.reload();

      assertThat(voter.heading()).hasText("提交成功");
      assertThat(voter.receipt()).hasText(receipts.get(0));
    }
    assertThat(event.used()).isEqualTo(1);
  }

  @Test
  void aReloadBeforeSubmittingKeepsTheAnswers() {
    VotingEvent event = VotingEvent.open(organizer, "刷新保留作答");
    String url = event.slips(1, server.baseUrl()).get(0);
    try (BrowserContext context = browser.phone()) {
      VoterPage voter = new VoterPage(context.newPage()).open(url);
      voter.radio("李四 不认同").check();
      voter.checkbox("李四 不认同的原因 工作实绩不突出").check();
      voter.checkbox("孙三 推荐").check();

      voter.page.reload();

      assertThat(voter.radio("李四 不认同")).isChecked();
      assertThat(voter.checkbox("李四 不认同的原因 工作实绩不突出")).isChecked();
      assertThat(voter.checkbox("孙三 推荐")).isChecked();
      assertThat(voter.page.getByText("已恢复您在本页填写的内容")).isVisible();
    }
  }

  @Test
  void aBallotTheServerRefusesGoesBackToTheFormWithItsReasons() {
    VotingEvent event = VotingEvent.open(organizer, "服务器校验");
    String url = event.slips(1, server.baseUrl()).get(0);
    try (BrowserContext context = browser.phone()) {
      Page page = context.newPage();
      // The page checks every rule itself, so a faulty ballot is made on the way: 王五's answer is dropped.
      page.route("**/api/v/**", route -> {
        if (!route.request().method().equals("POST")) {
          route.resume();
          return;
        }
        JsonObject body = new JsonObject(route.request().postData());
        body.getJsonObject("answers").getJsonObject(event.cadresFormId).getJsonObject("cadres").remove("r3");
        route.resume(new Route.ResumeOptions().setPostData(body.encode()));
      });
      VoterPage voter = new VoterPage(page).open(url);
      voter.answerEveryCadre();
      voter.button("下一步：核对").click();
      voter.button("确认提交").click();

      assertThat(voter.heading()).hasText("服务器校验");
      assertThat(page.locator(".v-message")).isVisible();
      assertThat(page.locator(".v-invalid").first()).containsText("王五");
      voter.screenshot("server-refused");
    }
    assertThat(event.used()).isZero();
  }

  /** Lets the first POST reach the server, then drops its answer as a failing network would. */
  private static void dropFirstAnswer(Route route, List<String> receipts, List<Integer> statuses) {
    if (!route.request().method().equals("POST")) {
      route.resume();
      return;
    }
    APIResponse response = route.fetch();
    statuses.add(response.status());
    if (receipts.isEmpty()) {
      receipts.add(new JsonObject(response.text()).getString("receipt"));
      route.abort();
    } else {
      route.fulfill(new Route.FulfillOptions().setResponse(response));
    }
  }
}
