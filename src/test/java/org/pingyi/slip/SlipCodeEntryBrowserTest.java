package org.pingyi.slip;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.config.AppConfig;
import org.pingyi.support.Api;
import org.pingyi.support.BrowserExtension;
import org.pingyi.support.ConsoleSignIn;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Slow;
import org.pingyi.support.Voting;

/**
 * The fallbacks for a slip that will not scan, in Chromium: a phone types the printed code at /v and reaches its
 * ballot; and a console whose phones' address is localhost says so before any slip is printed.
 */
@Slow
class SlipCodeEntryBrowserTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension(c -> c.withPublicUrl("http://127.0.0.1:8080"));
  @RegisterExtension
  static final BrowserExtension browser = new BrowserExtension();

  @Test
  void aPhoneTypesTheCodeFromTheSlipAndGetsItsBallot() {
    Api admin = server.api().asAdmin();
    Voting voting = Voting.prepare(admin, "扫码失败时").open(admin);
    List<String> tokens = slips(admin, voting.eventId, 2);
    String code = SlipCodes.of(tokens.get(1));
    try (BrowserContext context = browser.phone()) {
      Page page = context.newPage();
      page.navigate(server.baseUrl() + "/v");

      page.getByLabel("票码").fill(code.substring(0, 20));
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("进入投票")).click();
      assertThat(page.getByRole(AriaRole.ALERT)).hasText("票码应为 32 位字母和数字，您输入了 16 位，请核对。");

      // As a voter types it: lower case, spaces for the dashes, an O for a zero.
      page.getByLabel("票码").fill(code.toLowerCase().replace('-', ' ').replace('0', 'o'));
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("进入投票")).click();

      page.waitForURL("**/v/" + tokens.get(1));
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("扫码失败时");
    }
  }

  @Test
  void theConsoleSaysLoudlyThatPhonesCannotOpenTheAddressAndAsksBeforeIssuing() {
    String eventId = server.api().asAdmin().post("/api/events", org.pingyi.support.Fixtures.event("本机试用"))
        .bodyAsJsonObject().getString("id");
    try (BrowserContext context = browser.office()) {
      Page page = context.newPage();
      ConsoleSignIn.asAdmin(page, server.baseUrl() + "/console/#/events/" + eventId);

      assertThat(page.getByTestId("public-url-warning")).containsText("手机打不开票签上的地址：http://127.0.0.1:8080");
      assertThat(page.getByTestId("public-url-warning")).containsText("回环地址");
      page.getByTestId("slips-panel").scrollIntoViewIfNeeded();
      page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/slips-unreachable-address.png")));

      page.getByTestId("slip-format").selectOption("csv");
      page.getByTestId("issue-slips").click();
      assertThat(page.getByTestId("confirm-dialog")).containsText("照此发放的票签在会场扫码后无法投票");
      page.getByTestId("confirm-cancel").click();
      assertThat(page.getByTestId("slip-counts").locator("tr[data-category=A] td").nth(1)).hasText("0");

      page.getByTestId("issue-slips").click();
      var download = page.waitForDownload(() -> page.getByTestId("confirm-ok").click());
      org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("slips-A.csv");
      assertThat(page.getByTestId("slip-counts").locator("tr[data-category=A] td").nth(1)).hasText("10");
    }
  }

  /** Issued with the unreachable address confirmed, as this server requires. */
  private static List<String> slips(Api organizer, String eventId, int count) {
    var issued = organizer.post("/api/events/" + eventId + "/slips", new io.vertx.core.json.JsonObject()
        .put("category", "A").put("format", "csv").put("count", count).put("confirmUnreachableUrl", true));
    return java.util.Arrays.stream(issued.bodyAsString().split("\r\n")).skip(1)
        .map(line -> line.substring(line.lastIndexOf('/') + 1)).toList();
  }
}
