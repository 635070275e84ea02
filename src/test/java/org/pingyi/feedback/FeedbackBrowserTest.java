package org.pingyi.feedback;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.BrowserExtension;
import org.pingyi.support.ConsoleSignIn;
import org.pingyi.support.Db;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Slow;
import org.pingyi.support.TestServer;

/**
 * The feedback box end to end: an organizer opens a box in the console; a phone leaves a message (with markup in
 * it) and is shown a follow-up code; a day later the organizer reads it, replies and marks it 办结; the phone reads
 * the reply with the code. Markup is shown as text throughout. Screenshots go to target/screenshots/feedback-*.png.
 */
@Slow
class FeedbackBrowserTest {
  private static final Path SHOTS = Path.of("target", "screenshots").toAbsolutePath();
  private static final String INJECTED = "提拔前没有公示<img src=x onerror=alert(1)>，请核查。";
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  @RegisterExtension
  static final BrowserExtension browser = new BrowserExtension();

  @BeforeAll
  static void setUp() {
    server.api().asAdmin().newStaff("organizer", "organizer", "organizer-pass");
  }

  @Test
  void aPhoneLeavesAMessageStaffReplyAndThePhoneReadsTheReplyWithItsCode() {
    List<String> problems = new ArrayList<>();
    String boxUrl;
    try (BrowserContext office = browser.office()) {
      Page console = watched(office.newPage(), problems);
      signIn(console);
      console.getByTestId("nav-feedback").click();
      console.getByTestId("box-title-input").fill("干部选拔任用工作意见箱");
      console.getByTestId("box-unit-input").fill("某县委组织部");
      console.getByTestId("box-create").click();
      assertThat(console.getByTestId("feedback-message")).containsText("已新建意见箱");
      boxUrl = console.getByTestId("box-url").first().textContent().replace(TestServer.PUBLIC_URL, server.baseUrl());
    }

    String code;
    try (BrowserContext phone = browser.phone()) {
      Page page = watched(phone.newPage(), problems);
      page.navigate(boxUrl);
      assertThat(page.getByTestId("box-title")).hasText("干部选拔任用工作意见箱");
      page.getByTestId("feedback-submit").click();
      assertThat(page.getByTestId("feedback-error")).hasText("请选择意见类别（选人用人、干部作风或其他）");
      page.getByText("选人用人", new Page.GetByTextOptions().setExact(true)).click();
      page.getByLabel("反映的干部").fill("李四");
      page.getByLabel("意见内容").fill(INJECTED);
      shot(page, "feedback-phone-form");
      page.getByTestId("feedback-submit").click();
      assertThat(page.getByTestId("followup-code")).hasText(java.util.regex.Pattern.compile("^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$"));
      code = page.getByTestId("followup-code").textContent();
      shot(page, "feedback-phone-code");
    }

    FeedbackBoxes.dayPasses(new Db(server.database()));

    try (BrowserContext office = browser.office()) {
      Page console = watched(office.newPage(), problems);
      signIn(console);
      console.getByTestId("nav-feedback").click();
      console.getByTestId("box-link").first().click();
      Locator card = console.getByTestId("feedback-card").first();
      assertThat(card.getByTestId("feedback-text")).hasText(INJECTED);
      assertThat(card.getByTestId("feedback-status")).hasText("待处理");
      card.getByTestId("reply-input").fill("经核查，该干部任前公示已补正，感谢您的监督。");
      shot(console, "feedback-console-triage");
      card.getByTestId("triage-done").click();
      assertThat(console.getByTestId("triage-message")).hasText("已办结");
      assertThat(console.getByTestId("feedback-card").first().getByTestId("feedback-status")).hasText("办结");
      shot(console, "feedback-console-done");
    }

    try (BrowserContext phone = browser.phone()) {
      Page page = watched(phone.newPage(), problems);
      page.navigate(boxUrl);
      page.getByTestId("lookup-code").fill(code.toLowerCase());
      page.getByTestId("lookup-submit").click();
      assertThat(page.getByTestId("lookup-answer")).containsText("办结");
      assertThat(page.getByTestId("lookup-reply")).hasText("经核查，该干部任前公示已补正，感谢您的监督。");
      page.getByTestId("lookup-answer").scrollIntoViewIfNeeded();
      shot(page, "feedback-phone-reply");
    }
    org.assertj.core.api.Assertions.assertThat(problems).isEmpty();
  }

  private static void signIn(Page page) {
    ConsoleSignIn.at(page, server.baseUrl() + "/console/", "organizer", "organizer-pass");
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退出"))).isVisible();
  }

  private static Page watched(Page page, List<String> problems) {
    page.onConsoleMessage(m -> {
      if (m.type().equals("error")) problems.add(m.text());
    });
    page.onPageError(problems::add);
    page.onDialog(d -> problems.add("dialog: " + d.message()));
    return page;
  }

  private static void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")));
  }
}
