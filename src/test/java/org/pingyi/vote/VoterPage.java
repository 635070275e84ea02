package org.pingyi.vote;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** The voter page in a browser tab, found the way a screen reader finds it: by role and accessible name. */
final class VoterPage {
  static final Pattern RECEIPT = Pattern.compile("[0-9A-Z]{5}-[0-9A-Z]{5}");
  static final String CANVASS = "是否存在拉票、跑官、要官行为";

  final Page page;

  VoterPage(Page page) {
    this.page = page;
  }

  VoterPage open(String url) {
    page.navigate(url);
    return this;
  }

  Locator heading() {
    return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
  }

  Locator radio(String name) {
    return page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  Locator checkbox(String name) {
    return page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  Locator button(String name) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  Locator receipt() {
    return page.getByTestId("receipt");
  }

  /** 认同 and 不存在 for every cadre. */
  VoterPage answerEveryCadre() {
    for (String cadre : VotingEvent.CADRES) {
      radio(cadre + " 认同").check();
      radio(cadre + " " + CANVASS + " 不存在").check();
    }
    return this;
  }

  /** A complete ballot, reviewed and submitted; returns the receipt shown. */
  String voteAndSubmit() {
    assertThat(heading()).isVisible();
    answerEveryCadre();
    checkbox("赵一 推荐").check();
    button("下一步：核对").click();
    assertThat(heading()).hasText("核对您的选择");
    button("确认提交").click();
    assertThat(receipt()).hasText(RECEIPT);
    return receipt().textContent();
  }

  void screenshot(String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("/tmp/voter-" + name + ".png")).setFullPage(true));
  }

  /** What is focused, as "ROLE name" (tag, aria-label or text): what a keyboard user is on. */
  String focused() {
    return (String) page.evaluate("() => { const e = document.activeElement;"
        + " return (e.type || e.tagName) + ' ' + (e.getAttribute('aria-label') || e.textContent.trim()); }");
  }
}
