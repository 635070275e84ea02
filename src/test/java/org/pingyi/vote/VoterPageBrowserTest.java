package org.pingyi.vote;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.BrowserExtension;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Slow;

/** An attendee scans a slip on a phone: answers two forms, is stopped at one pick too many, reviews, submits. */
@Slow
class VoterPageBrowserTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  @RegisterExtension
  static final BrowserExtension browser = new BrowserExtension();
  private static Api organizer;
  private static VotingEvent event;

  @BeforeAll
  static void setUp() {
    organizer = server.api().asAdmin().newStaff("organizer", "organizer", "organizer-pass");
    event = VotingEvent.open(organizer, "2026年度一报告两评议");
  }

  @Test
  void aVoterAnswersBothFormsSubmitsOnceAndGetsAReceipt() {
    VotingEvent event = VotingEvent.open(organizer, "2026年度一报告两评议");
    String url = event.slips(1, server.baseUrl()).get(0);
    try (BrowserContext context = browser.phone()) {
      Page page = context.newPage();
      List<String> errors = watchErrors(page);
      VoterPage voter = new VoterPage(page).open(url);

      assertThat(voter.heading()).hasText("2026年度一报告两评议");
      assertThat(voter.page.getByText("参评人员类别：领导班子成员")).isVisible();
      assertThat(voter.heading()).isFocused();
      voter.screenshot("ballot");
      voter.answerEveryCadre();
      voter.checkbox("赵一 推荐").check();
      voter.checkbox("钱二 推荐").click();
      assertThat(voter.checkbox("钱二 推荐")).not().isChecked();
      assertThat(voter.checkbox("赵一 推荐")).isChecked();
      assertThat(voter.page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions()
          .setHasText("此职位最多推荐 1 人"))).isVisible();
      voter.screenshot("one-too-many");

      voter.button("下一步：核对").click();
      assertThat(voter.heading()).hasText("核对您的选择");
      assertThat(voter.heading()).isFocused();
      assertThat(voter.page.locator(".v-sum-item").filter(new Locator.FilterOptions()
          .setHasText("张三"))).containsText("认同");
      assertThat(voter.page.getByText("推荐 赵一")).isVisible();
      voter.screenshot("review");
      voter.button("确认提交").click();

      assertThat(voter.heading()).hasText("提交成功");
      assertThat(voter.receipt()).hasText(VoterPage.RECEIPT);
      assertThat(voter.page.getByText("回执码是随机生成的")).isVisible();
      assertThat(voter.page.evaluate("() => sessionStorage.length")).isEqualTo(0);
      voter.screenshot("receipt");

      voter.open(url);
      assertThat(voter.heading()).hasText("选票已提交");
      assertThat(voter.page.locator("form")).hasCount(0);
      assertThat(errors).allMatch(e -> e.contains("409"));
    }
    assertThat(event.used()).isEqualTo(1);
  }

  @Test
  void aMissingAnswerIsMarkedAndFocused() {
    String url = event.slips(1, server.baseUrl()).get(0);
    try (BrowserContext context = browser.phone()) {
      VoterPage voter = new VoterPage(context.newPage()).open(url);
      voter.radio("张三 认同").check();
      voter.radio("张三 " + VoterPage.CANVASS + " 不存在").check();

      voter.button("下一步：核对").click();

      assertThat(voter.radio("李四 认同")).isFocused();
      assertThat(voter.page.getByText("李四：请选择评价")).isVisible();
      assertThat(voter.page.getByText("还有 4 处需要填写或修改")).isVisible();
      voter.screenshot("invalid");
      voter.radio("李四 认同").check();
      assertThat(voter.page.getByText("李四：请选择评价")).hasCount(0);
      assertThat(voter.page.getByText("还有 3 处需要填写或修改")).isVisible();
    }
  }

  @Test
  void aKeyboardAloneCompletesTheBallot() {
    String url = event.slips(1, server.baseUrl()).get(0);
    try (BrowserContext context = browser.phone()) {
      VoterPage voter = new VoterPage(context.newPage()).open(url);
      assertThat(voter.heading()).isFocused();
      assertThat(voter.radio("张三 认同")).hasCount(1);
      assertThat(voter.radio("王五 " + VoterPage.CANVASS + " 不了解")).hasCount(1);
      assertThat(voter.checkbox("孙三 推荐")).hasCount(1);
      Page page = voter.page;

      tabTo(voter, "button 下一步：核对");
      page.keyboard().press("Enter");
      assertThat(voter.radio("张三 认同")).isFocused();

      for (int i = 0; i < 40 && !voter.focused().equals("button 下一步：核对"); i++) {
        String on = voter.focused();
        if (on.equals("radio 张三 认同") || on.equals("radio 王五 认同")) page.keyboard().press("Space");
        if (on.equals("radio 李四 认同")) page.keyboard().press("ArrowRight");
        if (on.endsWith(VoterPage.CANVASS + " 存在")) page.keyboard().press("ArrowRight");
        if (on.equals("checkbox 钱二 推荐")) page.keyboard().press("Space");
        page.keyboard().press("Tab");
      }
      page.keyboard().press("Enter");

      assertThat(voter.heading()).hasText("核对您的选择");
      assertThat(voter.page.locator(".v-sum-item").filter(new Locator.FilterOptions()
          .setHasText("李四"))).containsText("基本认同");
      assertThat(voter.page.getByText("推荐 钱二")).isVisible();
      tabTo(voter, "button 确认提交");
      page.keyboard().press("Enter");
      assertThat(voter.receipt()).hasText(VoterPage.RECEIPT);
    }
  }

  @Test
  void thePageWeighsUnder100KilobytesAndFetchesOnlyFromItsOwnServer() {
    String url = event.slips(1, server.baseUrl()).get(0);
    try (BrowserContext context = browser.phone()) {
      Page page = context.newPage();
      List<String> requests = new ArrayList<>();
      List<Response> responses = new ArrayList<>();
      page.onRequest(r -> requests.add(r.url()));
      page.onResponse(responses::add);
      VoterPage voter = new VoterPage(page).open(url);
      assertThat(voter.radio("张三 认同")).isVisible();
      page.waitForLoadState(LoadState.NETWORKIDLE);

      // Bodies are read here, not in the listener: body() dispatches further events while it waits.
      long bytes = responses.stream().mapToLong(r -> r.body().length).sum();
      System.out.println("voter page weight: " + bytes + " bytes in " + responses.size() + " responses");
      assertThat(bytes).isLessThan(100_000);
      assertThat(requests).hasSize(responses.size()).allMatch(u -> u.startsWith(server.baseUrl() + "/"));
    }
  }

  private static void tabTo(VoterPage voter, String target) {
    for (int i = 0; i < 40 && !voter.focused().equals(target); i++) voter.page.keyboard().press("Tab");
    assertThat(voter.focused()).isEqualTo(target);
  }

  private static List<String> watchErrors(Page page) {
    List<String> errors = new ArrayList<>();
    page.onConsoleMessage(m -> {
      if (m.type().equals("error")) errors.add(m.text());
    });
    page.onPageError(errors::add);
    return errors;
  }
}
