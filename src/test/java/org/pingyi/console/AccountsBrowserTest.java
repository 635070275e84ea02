package org.pingyi.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.BrowserExtension;
import org.pingyi.support.ConsoleSignIn;
import org.pingyi.support.CsvReader;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Slow;
import org.pingyi.support.TestServer;

/**
 * Issue 12 items 6 and 10 in Chromium: an admin creates an account (the role starts at 观察员), its owner must
 * replace the initial password before anything else, a role change asks first and says what the role may do, and
 * the audit log reads in Chinese, narrows to one person and downloads as CSV. Screenshots at 1440×900.
 */
@Slow
class AccountsBrowserTest {
  private static final Path SHOTS = Path.of("target", "screenshots");

  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  @RegisterExtension
  static final BrowserExtension browser = new BrowserExtension();

  @Test
  void aNewAccountStartsLeastChangesItsPasswordFirstAndItsRoleChangeIsConfirmedAndAudited() throws Exception {
    List<String> problems = new ArrayList<>();
    try (BrowserContext adminContext = browser.office(); BrowserContext userContext = browser.office()) {
      Page admin = watched(adminContext.newPage(), problems);
      signIn(admin, "admin", TestServer.ADMIN_PASSWORD);
      assertThat(admin.getByTestId("current-user")).containsText("系统管理员");

      admin.getByTestId("nav-accounts").click();
      assertThat(admin.getByTestId("new-account-role")).hasValue("observer");
      assertThat(admin.getByTestId("new-account-role-powers")).containsText("只能查看");
      admin.getByTestId("new-account-username").fill("zhang.san");
      admin.getByTestId("new-account-name").fill("张三");
      admin.getByTestId("new-account-password").fill("chushi-mima-1");
      admin.getByTestId("create-account").click();
      Locator row = admin.locator("tr[data-username='zhang.san']");
      assertThat(row.getByTestId("role-zhang.san")).hasValue("observer");
      assertThat(row.getByTestId("account-state")).hasText("启用（待修改初始密码）");
      admin.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("accounts.png")).setFullPage(true));

      Page user = watched(userContext.newPage(), problems);
      signIn(user, "zhang.san", "chushi-mima-1");
      assertThat(user.getByTestId("forced-password")).isVisible();
      assertThat(user.getByTestId("nav-events")).isHidden();
      user.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("forced-password.png")).setFullPage(true));
      user.navigate(server.baseUrl() + "/console/#/events");
      assertThat(user.getByTestId("forced-password")).isVisible();
      org.assertj.core.api.Assertions.assertThat(user.url()).endsWith("#/password");
      user.getByTestId("current-password").fill("chushi-mima-1");
      user.getByTestId("new-password").fill("zhangsan-ziji-1");
      user.getByTestId("new-password-again").fill("zhangsan-ziji-1");
      user.getByTestId("change-password").click();
      assertThat(user.getByTestId("nav-events")).isVisible();
      assertThat(user.getByTestId("forced-password")).hasCount(0);
      assertThat(user.locator("h1")).hasText("活动列表");

      admin.reload();
      Locator role = admin.locator("tr[data-username='zhang.san']").getByTestId("role-zhang.san");
      role.selectOption("organizer");
      assertThat(admin.getByTestId("confirm-dialog")).containsText("由“观察员”改为“组织者”");
      assertThat(admin.getByTestId("confirm-dialog")).containsText("开始和结束投票");
      admin.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("role-confirm.png")));
      admin.getByTestId("confirm-cancel").click();
      assertThat(role).hasValue("observer");
      org.assertj.core.api.Assertions.assertThat(roleOf("zhang.san")).isEqualTo("observer");
      role.selectOption("organizer");
      admin.getByTestId("confirm-ok").click();
      assertThat(admin.getByTestId("accounts-message")).containsText("已将 zhang.san 的角色改为组织者");
      org.assertj.core.api.Assertions.assertThat(roleOf("zhang.san")).isEqualTo("organizer");

      admin.getByTestId("nav-audit").click();
      Locator table = admin.getByTestId("audit-table");
      assertThat(table).containsText("创建账户");
      assertThat(table).containsText("角色由观察员改为组织者");
      assertThat(table).not().containsText("account.");
      assertThat(table).not().containsText("{\"");
      admin.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("audit.png")).setFullPage(true));
      admin.getByTestId("audit-actor").selectOption(new SelectOption().setLabel("张三（zhang.san）"));
      assertThat(table.locator("tbody tr").first()).containsText("张三（zhang.san）");
      assertThat(table).containsText("修改本人密码");
      assertThat(table).not().containsText("创建账户");
      admin.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("audit-by-person.png")).setFullPage(true));

      Download csv = admin.waitForDownload(() -> admin.getByTestId("audit-csv").click());
      org.assertj.core.api.Assertions.assertThat(csv.suggestedFilename()).isEqualTo("审计日志.csv");
      String text = Files.readString(csv.path(), StandardCharsets.UTF_8);
      org.assertj.core.api.Assertions.assertThat(text).startsWith("\uFEFF编号,时间（北京时间）,操作人,操作,对象,活动,详情\r\n");
      List<List<String>> records = CsvReader.read(text.substring(1));
      org.assertj.core.api.Assertions.assertThat(records.subList(1, records.size())).isNotEmpty()
          .allMatch(r -> r.get(2).equals("张三（zhang.san）"))
          .anyMatch(r -> r.get(3).equals("修改本人密码"));
    }
    org.assertj.core.api.Assertions.assertThat(problems).isEmpty();
  }

  private static Page watched(Page page, List<String> problems) {
    page.onConsoleMessage(m -> {
      if (m.type().equals("error")) problems.add(m.text());
    });
    page.onPageError(problems::add);
    return page;
  }

  private static void signIn(Page page, String username, String password) {
    ConsoleSignIn.at(page, server.baseUrl() + "/console/", username, password);
  }

  private static String roleOf(String username) {
    return server.api().asAdmin().get("/api/accounts").bodyAsJsonArray().stream().map(JsonObject.class::cast)
        .filter(a -> a.getString("username").equals(username)).findFirst().orElseThrow().getString("role");
  }
}
