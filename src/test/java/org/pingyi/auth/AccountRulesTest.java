package org.pingyi.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.config.AppConfig;
import org.pingyi.staff.Role;
import org.pingyi.support.Api;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.TestServer;

/**
 * Issue 12 item 6: a new account gets the least role unless one is chosen, and a password someone else set (an
 * admin's, or the one printed at first start) opens nothing but the change of that password.
 */
class AccountRulesTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  private static Api admin;

  @BeforeAll
  static void signIn() {
    admin = server.api().asAdmin();
  }

  @Test
  void anAccountCreatedWithoutARoleIsAnObserver() {
    var created = admin.post("/api/accounts", new JsonObject().put("username", "no-role")
        .put("displayName", "未选角色").put("password", "initial-pass-1"));

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.bodyAsJsonObject().getString("role")).isEqualTo(Role.LEAST.wireName()).isEqualTo("observer");
    assertThat(created.bodyAsJsonObject().getBoolean("passwordChangeRequired")).isTrue();
  }

  @Test
  void anAdminSetPasswordOpensOnlyTheChangeOfThatPasswordUntilItIsChanged() {
    createAccount("newcomer", "organizer", "set-by-admin-1");
    var signedIn = signIn("newcomer", "set-by-admin-1");
    assertThat(signedIn.statusCode()).isEqualTo(200);
    assertThat(signedIn.bodyAsJsonObject().getJsonObject("account").getBoolean("passwordChangeRequired")).isTrue();
    Api newcomer = server.api().withToken(signedIn.bodyAsJsonObject().getString("token"));

    for (String path : new String[] {"/api/events", "/api/config", "/api/templates"}) {
      var refused = newcomer.get(path);
      assertThat(refused.statusCode()).as(path).isEqualTo(403);
      assertThat(refused.bodyAsJsonObject().getString("error")).as(path).isEqualTo("password_change_required");
    }
    assertThat(newcomer.post("/api/events", new JsonObject().put("title", "偷偷建的活动")).bodyAsJsonObject()
        .getString("error")).isEqualTo("password_change_required");
    assertThat(newcomer.get("/api/auth/me").bodyAsJsonObject().getBoolean("passwordChangeRequired")).isTrue();

    newcomer.changePassword("set-by-admin-1", "my-own-pass-1");

    Api again = server.api().as("newcomer", "my-own-pass-1");
    assertThat(again.get("/api/events").statusCode()).isEqualTo(200);
    assertThat(again.get("/api/auth/me").bodyAsJsonObject().getBoolean("passwordChangeRequired")).isFalse();
  }

  @Test
  void anAdminsResetMakesThePasswordInitialAgain() {
    Api clerk = admin.newStaff("reset-me", "clerk", "clerk-own-pass-1");
    String id = clerk.get("/api/auth/me").bodyAsJsonObject().getString("id");
    assertThat(clerk.get("/api/events").statusCode()).isEqualTo(200);

    assertThat(admin.post("/api/accounts/" + id + "/password", new JsonObject().put("newPassword", "reset-pass-22"))
        .statusCode()).isEqualTo(204);

    Api afterReset = server.api().as("reset-me", "reset-pass-22");
    var refused = afterReset.get("/api/events");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("password_change_required");
    assertThat(account("reset-me").getBoolean("passwordChangeRequired")).isTrue();
  }

  @Test
  void aRoleChangeIsAuditedWithTheRoleBeforeAndAfter() {
    String id = admin.newStaff("promoted", "observer", "observer-pass-1").get("/api/auth/me").bodyAsJsonObject()
        .getString("id");

    assertThat(admin.patch("/api/accounts/" + id, new JsonObject().put("role", "organizer")).statusCode())
        .isEqualTo(200);

    JsonObject row = admin.get("/api/audit?limit=20").bodyAsJsonArray().stream().map(JsonObject.class::cast)
        .filter(r -> r.getString("action").equals("account.changed") && id.equals(r.getString("objectId")))
        .findFirst().orElseThrow();
    assertThat(row.getJsonObject("details").getString("role")).isEqualTo("organizer");
    assertThat(row.getJsonObject("details").getString("previousRole")).isEqualTo("observer");
    assertThat(row.getString("summary")).contains("观察员").contains("组织者");
  }

  @Test
  void theOperatorsConfiguredAdminPasswordCountsAsChosen() {
    var session = signIn("admin", TestServer.ADMIN_PASSWORD).bodyAsJsonObject();

    assertThat(session.getJsonObject("account").getBoolean("passwordChangeRequired")).isFalse();
  }

  @Test
  void theGeneratedAdminPasswordPrintedAtFirstStartMustBeChanged() {
    Vertx vertx = Vertx.vertx();
    PrintStream console = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    TestServer generated;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      generated = TestServer.start(vertx, AppConfig::withGeneratedAdminPassword);
    } finally {
      System.setOut(console);
    }
    try (generated) {
      Matcher password = Pattern.compile("初始密码：(\\S+)").matcher(printed.toString(StandardCharsets.UTF_8));
      assertThat(password.find()).as("the first start prints the admin password").isTrue();
      Api firstAdmin = generated.api().as("admin", password.group(1));

      assertThat(firstAdmin.get("/api/accounts").bodyAsJsonObject().getString("error"))
          .isEqualTo("password_change_required");
      firstAdmin.changePassword(password.group(1), "admin-chosen-pass-1");
      assertThat(generated.api().as("admin", "admin-chosen-pass-1").get("/api/accounts").statusCode()).isEqualTo(200);
    } finally {
      vertx.close().await();
    }
  }

  private static void createAccount(String username, String role, String password) {
    var created = admin.post("/api/accounts", new JsonObject().put("username", username).put("displayName", username)
        .put("role", role).put("password", password));
    assertThat(created.statusCode()).isEqualTo(201);
  }

  private static JsonObject account(String username) {
    return admin.get("/api/accounts").bodyAsJsonArray().stream().map(JsonObject.class::cast)
        .filter(a -> a.getString("username").equals(username)).findFirst().orElseThrow();
  }

  private static HttpResponse<Buffer> signIn(String username, String password) {
    return server.api().post("/api/auth/login", new JsonObject().put("username", username).put("password", password));
  }
}
