package org.pingyi.day;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.pingyi.summary.RecountCheck;
import org.pingyi.support.BrowserExtension;
import org.pingyi.support.ConsoleSignIn;
import org.pingyi.support.Fixtures;
import org.pingyi.support.IssuedTokens;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Slow;
import org.pingyi.support.TestServer;

/**
 * A whole meeting through the pages only, as the people in it do it: the administrator sets up an organizer and
 * two clerks, the organizer prepares the event from a template and an Excel list, prints the slips and opens the
 * vote; phones vote through the QR codes read off the printed sheet and the CSV; the clerks enter paper ballots
 * twice at their desks and settle a mismatch; the organizer closes, accounts for the unused slips, archives and
 * downloads the bundle; a voter finds their receipt on the public board; the recount of the bundle reproduces its
 * summary. Screenshots of each main screen go to target/screenshots/day-*.png.
 */
@Slow
class OrganizersDayBrowserTest {
  private static final Path SHOTS = Path.of("target", "screenshots");
  private static final Pattern SLIP_URL = Pattern.compile(Pattern.quote(TestServer.PUBLIC_URL) + "/v/[A-Za-z0-9_-]+");
  private static final String TITLE = "2026年度新提拔任用干部民主评议";

  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  @RegisterExtension
  static final BrowserExtension browser = new BrowserExtension();
  @TempDir
  static Path downloads;

  private final List<String> problems = new ArrayList<>();

  @Test
  void aWholeMeetingFromAccountsToTheRecountThroughThePagesOnly() throws Exception {
    try (BrowserContext adminDesk = browser.office(); BrowserContext organizerDesk = browser.office();
         BrowserContext clerk1Desk = browser.office(); BrowserContext clerk2Desk = browser.office()) {
      Page admin = watched(adminDesk.newPage());
      signIn(admin, "admin", TestServer.ADMIN_PASSWORD);
      createAccount(admin, "li.zuzhi", "李组织", "organizer", "chushi-zuzhi-1");
      createAccount(admin, "wang.luru", "王录入", "clerk", "chushi-luru-1");
      createAccount(admin, "zhao.heshi", "赵核实", "clerk", "chushi-heshi-1");
      shoot(admin, "day-01-accounts");

      Page organizer = firstSignIn(organizerDesk.newPage(), "li.zuzhi", "chushi-zuzhi-1", "zuzhi-ziji-mima-1");
      String eventId = prepareEvent(organizer);
      List<String> slipsOfA = issuePrintedSlips(organizer, "A", 3);
      Map<String, String> slipsOfB = issueCsvSlips(organizer, "B", 8);
      organizer.getByTestId("open-event").click();
      organizer.getByTestId("confirm-ok").click();
      assertThat(organizer.getByTestId("event-status")).hasText("投票中");
      shoot(organizer, "day-04-open");

      List<String> receipts = new ArrayList<>();
      receipts.add(vote(slipsOfA.get(0), "认同"));
      receipts.add(vote(slipsOfA.get(1), "基本认同"));
      for (String serial : List.of("B-0001", "B-0002", "B-0003", "B-0004", "B-0005")) {
        receipts.add(vote(slipsOfB.get(serial), serial.endsWith("3") ? "不认同" : "认同"));
      }
      Locator countsOfB = organizer.getByTestId("slip-counts").locator("tr[data-category=B] td");
      assertThat(countsOfB.nth(3)).hasText("5");

      Page clerk1 = firstSignIn(clerk1Desk.newPage(), "wang.luru", "chushi-luru-1", "luru-ziji-mima-1");
      Page clerk2 = firstSignIn(clerk2Desk.newPage(), "zhao.heshi", "chushi-heshi-1", "heshi-ziji-mima-1");
      enterPaperBallots(eventId, clerk1, clerk2);

      organizer.reload();
      organizer.getByTestId("close-event").click();
      assertThat(organizer.getByTestId("confirm-dialog")).containsText("还有 2 张票签未使用");
      organizer.getByTestId("confirm-ok").click();
      assertThat(organizer.getByTestId("event-status")).hasText("已结束");
      accountForUnusedSlips(organizer);
      Path bundle = archive(organizer);

      String boardUrl = organizer.getByTestId("board-link").getAttribute("href");
      findReceiptOnTheBoard(boardUrl, receipts.get(2));

      RecountCheck.assertMatchesSummary(bundle, RecountCheck.recount(bundle));
    }
    org.assertj.core.api.Assertions.assertThat(problems).isEmpty();
  }

  /** The administrator creates an account: the role starts at the least one and is chosen on purpose. */
  private void createAccount(Page admin, String username, String name, String role, String password) {
    admin.getByTestId("nav-accounts").click();
    assertThat(admin.getByTestId("new-account-role")).hasValue("observer");
    admin.getByTestId("new-account-username").fill(username);
    admin.getByTestId("new-account-name").fill(name);
    admin.getByTestId("new-account-role").selectOption(role);
    admin.getByTestId("new-account-password").fill(password);
    admin.getByTestId("create-account").click();
    assertThat(admin.locator("tr[data-username='" + username + "']").getByTestId("account-state"))
        .hasText("启用（待修改初始密码）");
  }

  /** Signs in with the password the administrator set, is made to change it first, then reaches the console. */
  private Page firstSignIn(Page page, String username, String initial, String chosen) {
    watched(page);
    signIn(page, username, initial);
    assertThat(page.getByTestId("forced-password")).isVisible();
    page.getByTestId("current-password").fill(initial);
    page.getByTestId("new-password").fill(chosen);
    page.getByTestId("new-password-again").fill(chosen);
    page.getByTestId("change-password").click();
    assertThat(page.getByTestId("nav-events")).isVisible();
    return page;
  }

  /** A new event with two voter categories, a 新提拔任用干部民主评议表 whose cadres are pasted from Excel. */
  private String prepareEvent(Page organizer) {
    organizer.getByTestId("new-event").click();
    assertThat(organizer.getByTestId("event-form")).not().containsText("null");
    organizer.getByTestId("event-title").fill(TITLE);
    organizer.getByTestId("event-unit").fill("中共某某县委组织部");
    organizer.getByTestId("event-date").fill("2026-12-18");
    organizer.getByTestId("event-venue").fill("县委三楼会议室");
    organizer.getByTestId("event-expected").fill("11");
    organizer.getByTestId("add-category").click();
    organizer.getByTestId("add-category").click();
    Locator codes = organizer.getByTestId("category-code");
    Locator names = organizer.getByTestId("category-name");
    Locator expected = organizer.getByTestId("category-expected");
    codes.nth(0).fill("A");
    names.nth(0).fill("领导班子成员");
    expected.nth(0).fill("3");
    codes.nth(1).fill("B");
    names.nth(1).fill("干部职工代表");
    expected.nth(1).fill("8");
    organizer.getByTestId("event-counters").fill("周计票、吴计票");
    organizer.getByTestId("event-supervisors").fill("郑监票");
    organizer.getByTestId("event-responsible-name").fill("冯书记");
    organizer.getByTestId("event-responsible-title").fill("主持人");
    organizer.getByTestId("save-event").click();
    assertThat(organizer.getByTestId("stepper")).containsText("准备");
    assertThat(organizer.getByTestId("step-next")).containsText("从模板新建表单");
    shoot(organizer, "day-02-draft");
    String eventId = organizer.url().replaceAll(".*#/events/", "");

    organizer.getByTestId("template-picker").selectOption("new-cadres");
    organizer.getByTestId("create-form").click();
    organizer.getByTestId("paste-cadres").fill(Fixtures.THREE_CADRES);
    organizer.getByTestId("import-cadres").click();
    assertThat(organizer.getByTestId("preview")).containsText("王五");
    shoot(organizer, "day-03-form");
    organizer.getByTestId("back-to-event").click();
    assertThat(organizer.getByTestId("step-next")).containsText("发放票签");
    return eventId;
  }

  /** Issues a category's slips as the PDF to print and reads their QR codes off the first page, as phones do. */
  private List<String> issuePrintedSlips(Page organizer, String category, int count) throws Exception {
    organizer.getByTestId("slip-category").selectOption(category);
    organizer.getByTestId("slip-count").fill(String.valueOf(count));
    organizer.getByTestId("slip-format").selectOption("pdf");
    Download pdf = organizer.waitForDownload(() -> organizer.getByTestId("issue-slips").click());
    List<String> urls = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf.path()))) {
      BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
      Result[] codes = new QRCodeMultiReader().decodeMultiple(
          new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))),
          Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
      for (Result code : codes) urls.add(code.getText());
    }
    org.assertj.core.api.Assertions.assertThat(urls).hasSize(count).allMatch(u -> SLIP_URL.matcher(u).matches());
    urls.forEach(IssuedTokens::registerFrom);
    return urls;
  }

  /** Issues a category's slips as CSV (for a print shop) and returns each serial's address. */
  private Map<String, String> issueCsvSlips(Page organizer, String category, int count) throws Exception {
    organizer.getByTestId("slip-category").selectOption(category);
    organizer.getByTestId("slip-count").fill(String.valueOf(count));
    organizer.getByTestId("slip-format").selectOption("csv");
    Download csv = organizer.waitForDownload(() -> organizer.getByTestId("issue-slips").click());
    Map<String, String> bySerial = new java.util.TreeMap<>();
    for (String line : Files.readString(csv.path(), StandardCharsets.UTF_8).split("\r?\n")) {
      Matcher url = SLIP_URL.matcher(line);
      if (url.find()) bySerial.put(line.substring(0, line.indexOf(',')).replace("\uFEFF", ""), url.group());
    }
    org.assertj.core.api.Assertions.assertThat(bySerial).hasSize(count).containsKey(category + "-0001");
    bySerial.values().forEach(IssuedTokens::registerFrom);
    assertThat(organizer.getByTestId("step-next")).containsText("开始投票");
    return bySerial;
  }

  /** A phone opens the slip's address, marks every cadre, submits, and keeps the receipt code it shows. */
  private String vote(String slipUrl, String grade) {
    try (BrowserContext phone = browser.phone()) {
      Page page = watched(phone.newPage());
      page.navigate(server.baseUrl() + slipUrl.substring(TestServer.PUBLIC_URL.length()));
      for (String cadre : List.of("张三", "李四", "王五")) {
        radio(page, cadre + " " + grade).check();
        radio(page, cadre + " 是否存在拉票、跑官、要官行为 不存在").check();
      }
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("下一步：核对").setExact(true)).click();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认提交").setExact(true)).click();
      Locator receipt = page.getByTestId("receipt");
      assertThat(receipt).hasText(Pattern.compile("[0-9A-Z]{5}-[0-9A-Z]{5}"));
      if (grade.equals("不认同")) shoot(page, "day-05-phone-submitted");
      return receipt.textContent();
    }
  }

  private static Locator radio(Page page, String name) {
    return page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  /**
   * At their desks the clerks enter two paper ballots by keyboard only: B-0006 twice alike (counted); B-0007, where
   * the second clerk misreads 李四's mark, is settled in the side-by-side view and entered again.
   */
  private void enterPaperBallots(String eventId, Page clerk1, Page clerk2) {
    for (Page clerk : List.of(clerk1, clerk2)) {
      clerk.navigate(server.baseUrl() + "/console/#/events/" + eventId + "/paper");
      assertThat(clerk.getByTestId("paper-serial")).isFocused();
    }
    List<String> allAgree = List.of("1", "2", "1", "2", "1", "2");
    List<String> liSiBasic = List.of("1", "2", "2", "2", "1", "2");
    typePaper(clerk1, "B-0006", allAgree);
    assertThat(clerk1.getByTestId("paper-result")).containsText("已录入第一遍");
    typePaper(clerk2, "B-0006", allAgree);
    assertThat(clerk2.getByTestId("paper-result")).containsText("两遍一致，已计票");

    typePaper(clerk1, "B-0007", liSiBasic);
    typePaper(clerk2, "B-0007", allAgree);
    assertThat(clerk2.getByTestId("paper-result")).containsText("两遍录入不一致，请核对纸质票");
    clerk2.getByTestId("paper-show-mismatch").click();
    Locator item = clerk2.locator("[data-testid=paper-pending] [data-testid=pending-serial][data-serial='B-0007']");
    assertThat(item.getByTestId("diff-cell")).hasText(new String[] {"2 基本认同", "1 认同"});
    shoot(clerk2, "day-05-paper-mismatch");
    item.locator("[data-testid=compare-head][data-clerk='王录入']").getByTestId("keep-entry").click();
    clerk2.getByTestId("confirm-ok").click();
    assertThat(clerk2.getByTestId("paper-serial")).hasValue("B-0007");
    for (String key : liSiBasic) clerk2.keyboard().press(key);
    assertThat(clerk2.getByTestId("paper-submit")).isFocused();
    clerk2.keyboard().press("Enter");
    assertThat(clerk2.getByTestId("paper-result")).containsText("两遍一致，已计票");
    assertThat(clerk2.locator("[data-testid=paper-counts] tr[data-category=B] td").nth(2)).hasText("2");
  }

  /** Serial, Enter, then per cadre the grade's key and the 拉票 question's key; Enter on 提交. */
  private static void typePaper(Page clerk, String serial, List<String> keys) {
    assertThat(clerk.getByTestId("paper-serial")).isFocused();
    clerk.keyboard().type(serial);
    clerk.keyboard().press("Enter");
    for (String key : keys) clerk.keyboard().press(key);
    assertThat(clerk.getByTestId("paper-submit")).isFocused();
    clerk.keyboard().press("Enter");
  }

  /** The unused serials after the close: the blank one collected back is voided, the other registered unreturned. */
  private void accountForUnusedSlips(Page organizer) {
    Locator unused = organizer.getByTestId("unused-serials");
    Locator unusedOfA = unused.locator("tr[data-category=A] td").nth(2);
    assertThat(unusedOfA).hasText(Pattern.compile("^A-000[123]$"));
    assertThat(unused.locator("tr[data-category=B] td").nth(2)).hasText("B-0008");
    shoot(organizer, "day-06-unused");
    String blank = unusedOfA.textContent();
    organizer.getByTestId("void-serial").fill(blank);
    organizer.getByTestId("void-slip").click();
    assertThat(organizer.getByTestId("confirm-dialog")).containsText("将作废 1 张票签：" + blank);
    organizer.getByTestId("confirm-ok").click();
    organizer.getByTestId("declare-unreturned").click();
    assertThat(organizer.getByTestId("confirm-dialog")).containsText("登记为“未收回”");
    organizer.getByTestId("confirm-ok").click();
    assertThat(organizer.getByTestId("unused-total")).hasText("所有票签都已有着落（已投票、已作废或已登记为未收回）。");
  }

  /** The completeness check passes, the organizer archives and downloads the bundle; returns where it was saved. */
  private Path archive(Page organizer) throws Exception {
    organizer.getByTestId("exports-link").click();
    assertThat(organizer.getByTestId("completeness-ok")).isVisible();
    organizer.getByTestId("archive-button").click();
    organizer.getByTestId("confirm-ok").click();
    assertThat(organizer.getByTestId("event-status")).hasText("已归档");
    assertThat(organizer.getByTestId("manifest-hash")).hasAttribute("data-sha256", Pattern.compile("[0-9a-f]{64}"));
    shoot(organizer, "day-07-archived");
    Download zip = organizer.waitForDownload(() -> organizer.getByTestId("download-bundle").click());
    Path saved = downloads.resolve("bundle.zip");
    zip.saveAs(saved);
    return saved;
  }

  /** A voter opens the public board (no account) on a phone and finds the code their phone showed. */
  private void findReceiptOnTheBoard(String boardUrl, String receipt) {
    try (BrowserContext phone = browser.phone()) {
      Page page = watched(phone.newPage());
      page.navigate(server.baseUrl() + boardUrl.substring(TestServer.PUBLIC_URL.length()));
      page.getByTestId("board-input").fill(receipt);
      page.getByTestId("board-check").click();
      assertThat(page.getByTestId("board-result")).containsText("已计入");
      shoot(page, "day-08-board");
    }
  }

  private void signIn(Page page, String username, String password) {
    ConsoleSignIn.at(page, server.baseUrl() + "/console/", username, password);
  }

  private Page watched(Page page) {
    page.onConsoleMessage(m -> {
      if (m.type().equals("error")) problems.add(m.text());
    });
    page.onPageError(problems::add);
    return page;
  }

  private static void shoot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
  }
}
