package org.pingyi.vote;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.BrowserExtension;
import org.pingyi.support.ConsoleSignIn;
import org.pingyi.support.Db;
import org.pingyi.support.Fixtures;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Slow;
import org.pingyi.support.TestServer;

/**
 * Script and SQL sent as event titles, category and counter names, cadre and candidate names and a write-in
 * come back as literal text on the console's pages and the voter's page, run nowhere (window.__pwned stays
 * undefined), break no SQL (the tables are all there), and no page reports a Content-Security-Policy violation.
 */
@Slow
class HostileTextBrowserTest {
  static final String IMG = "<img src=x onerror=\"window.__pwned=1\">";
  static final String SCRIPT = "<script>window.__pwned=1</script>";
  static final String SVG = "\"><svg onload=window.__pwned=1>";
  static final String SQL = "'; DROP TABLE ballots; --";
  static final String TITLE = IMG + "评议";
  private static final String WATCH_CSP = "window.__csp = [];"
      + "document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));";

  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  @RegisterExtension
  static final BrowserExtension browser = new BrowserExtension();
  private static Api admin;
  private static String eventId;
  private static String cadresForm;
  private static String voterUrl;

  @BeforeAll
  static void prepare() {
    admin = server.api().asAdmin();
    JsonObject event = Fixtures.event(TITLE).put("organizingUnit", SCRIPT).put("venue", SVG)
        .put("counters", new JsonArray().add(IMG)).put("supervisors", new JsonArray().add(SCRIPT));
    event.getJsonArray("categories").getJsonObject(0).put("name", SQL);
    eventId = created(admin.post("/api/events", event)).getString("id");
    cadresForm = created(admin.post("/api/events/" + eventId + "/forms", new JsonObject().put("template", "new-cadres"))).getString("id");
    ok(admin.post("/api/forms/" + cadresForm + "/paste", new JsonObject().put("questionId", "cadres").put("tsv",
        IMG + "\t" + SCRIPT + "\t" + SVG + "\t2025.01\n" + SQL + "\t科员\t副科长\t2025.06")));
    String rec = created(admin.post("/api/events/" + eventId + "/forms", new JsonObject().put("template", "recommendation"))).getString("id");
    ok(admin.post("/api/forms/" + rec + "/paste", new JsonObject().put("questionId", "rec").put("positionId", "p1")
        .put("tsv", SVG + "\t男\t1980.01\t" + SCRIPT + "\n钱二\t女\t1982.05\t副科长")));
    JsonObject form = admin.get("/api/forms/" + rec).bodyAsJsonObject();
    JsonObject position = form.getJsonObject("definition").getJsonArray("sections").getJsonObject(0)
        .getJsonArray("questions").getJsonObject(0).getJsonArray("positions").getJsonObject(0);
    position.put("title", "副局长").put("writeIns", true).put("equalSlate", true);
    ok(admin.put("/api/forms/" + rec, new JsonObject().put("version", form.getInteger("version"))
        .put("definition", form.getJsonObject("definition"))));
    ok(admin.post("/api/events/" + eventId + "/open", null));
    String csv = admin.post("/api/events/" + eventId + "/slips", new JsonObject().put("category", "A").put("count", 1)
        .put("format", "csv")).bodyAsString();
    voterUrl = server.baseUrl() + csv.split("\r\n")[1].split(",")[1].substring(TestServer.PUBLIC_URL.length());
  }

  @Test
  void aVoterSeesInjectedNamesAsTextAndAWrittenInScriptIsStoredAsText() {
    try (BrowserContext context = browser.phone()) {
      context.addInitScript(WATCH_CSP);
      Page page = context.newPage();
      VoterPage voter = new VoterPage(page).open(voterUrl);

      assertThat(voter.heading()).hasText(TITLE);
      assertThat(page.locator("body")).containsText(SCRIPT);
      assertThat(page.locator("body")).containsText(SVG);
      for (String cadre : List.of(IMG, SQL)) {
        voter.radio(cadre + " 认同").check();
        voter.radio(cadre + " " + VoterPage.CANVASS + " 不存在").check();
      }
      page.getByLabel("副局长 另行推荐第1人").fill(SCRIPT);
      voter.button("下一步：核对").click();
      assertThat(voter.heading()).hasText("核对您的选择");
      assertThat(page.locator("body")).containsText(SCRIPT);
      voter.button("确认提交").click();
      assertThat(voter.receipt()).hasText(VoterPage.RECEIPT);
      assertUnharmed(page);
    }
    Db db = new Db(server.database());
    org.assertj.core.api.Assertions.assertThat(db.count("SELECT count(*) FROM cast_ballots WHERE event_id = ? AND answers::text LIKE ?",
        UUID.fromString(eventId), "%" + SCRIPT + "%")).isEqualTo(1);
    for (String table : List.of("ballots", "slips", "events", "forms")) {
      org.assertj.core.api.Assertions.assertThat(db.strings("SELECT coalesce(to_regclass(?)::text, 'gone')", table))
          .containsExactly(table);
    }
  }

  @Test
  void theConsoleShowsInjectedTextAsTextOnTheEventListEventPageAndFormPage() {
    try (BrowserContext context = browser.desktop()) {
      context.addInitScript(WATCH_CSP);
      Page page = context.newPage();
      ConsoleSignIn.asAdmin(page, server.baseUrl() + "/console/#/events/" + eventId);

      assertThat(page.locator("main h1")).hasText(TITLE);
      assertThat(page.getByTestId("event-title")).hasValue(TITLE);
      assertUnharmed(page);
      page.navigate(server.baseUrl() + "/console/#/forms/" + cadresForm);
      assertThat(page.getByTestId("preview")).containsText(IMG);
      assertThat(page.getByTestId("preview")).containsText(SVG);
      assertUnharmed(page);
      page.navigate(server.baseUrl() + "/console/#/events");
      assertThat(page.getByTestId("event-link")).hasText(TITLE);
      assertThat(page.locator("main table")).containsText(SCRIPT);
      assertUnharmed(page);
    }
  }

  @Test
  void theScreenPageLoadsWithoutACspViolation() {
    try (BrowserContext context = browser.desktop()) {
      context.addInitScript(WATCH_CSP);
      Page page = context.newPage();
      page.navigate(server.baseUrl() + "/screen/" + eventId);
      page.waitForLoadState();
      assertUnharmed(page);
    }
  }

  /** Nothing injected ran, and the page's own scripts and styles all passed the policy. */
  private static void assertUnharmed(Page page) {
    org.assertj.core.api.Assertions.assertThat(page.evaluate("typeof window.__pwned")).isEqualTo("undefined");
    org.assertj.core.api.Assertions.assertThat((List<?>) page.evaluate("window.__csp")).as("CSP violations").isEmpty();
  }

  private static JsonObject created(io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> response) {
    if (response.statusCode() != 201) throw new AssertionError(response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  private static void ok(io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> response) {
    if (response.statusCode() != 200) throw new AssertionError(response.bodyAsString());
  }
}
