package org.pingyi.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.TestServer;

class SignInTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();

  @Test
  void theFirstRunAdminSignsInWithTheConfiguredPassword() {
    var response = server.api().post("/api/auth/login",
        new JsonObject().put("username", "admin").put("password", TestServer.ADMIN_PASSWORD));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject session = response.bodyAsJsonObject();
    assertThat(session.getString("token")).contains(".");
    assertThat(session.getJsonObject("account").getString("role")).isEqualTo("admin");
    assertThat(session.getString("expiresAt")).isNotBlank();
  }

  @Test
  void aWrongPasswordIsRefusedWith401() {
    var response = server.api().post("/api/auth/login",
        new JsonObject().put("username", "admin").put("password", "not-the-password"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("invalid_credentials");
  }

  @Test
  void anUnknownUserGetsTheSameAnswerAsAWrongPassword() {
    var response = server.api().post("/api/auth/login",
        new JsonObject().put("username", "nobody").put("password", "whatever-123"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("invalid_credentials");
  }

  @Test
  void repeatedFailuresForOneAccountAreThrottledEvenWithTheRightPassword() {
    Api admin = server.api().asAdmin();
    admin.newStaff("guessed", "observer", "right-password-1");
    for (int i = 0; i < LoginThrottle.ACCOUNT_LIMIT; i++) {
      var failed = server.api().post("/api/auth/login",
          new JsonObject().put("username", "guessed").put("password", "wrong-" + i));
      assertThat(failed.statusCode()).isEqualTo(401);
    }

    var locked = server.api().post("/api/auth/login",
        new JsonObject().put("username", "GUESSED").put("password", "right-password-1"));

    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.bodyAsJsonObject().getString("error")).isEqualTo("too_many_attempts");
    assertThat(Integer.parseInt(locked.getHeader("Retry-After"))).isBetween(1, LoginThrottle.WINDOW_SECONDS);
  }

  @Test
  void aSuccessfulSignInStartsTheAccountsCountAgain() {
    server.api().asAdmin().newStaff("mistyper", "observer", "right-password-1");
    for (int i = 0; i < LoginThrottle.ACCOUNT_LIMIT - 1; i++) {
      assertThat(signIn("mistyper", "wrong-" + i).statusCode()).isEqualTo(401);
    }
    assertThat(signIn("mistyper", "right-password-1").statusCode()).isEqualTo(200);

    for (int i = 0; i < LoginThrottle.ACCOUNT_LIMIT - 1; i++) {
      assertThat(signIn("mistyper", "again-wrong-" + i).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void aFailedSignInNeverWritesAMalformedUsernameVerbatimIntoTheAuditLog() {
    String forged = "admin\n2025-06-01 auth.login 系统管理员\u202e\u200b" + "x".repeat(60);

    assertThat(signIn(forged, "wrong-password").statusCode()).isEqualTo(401);

    JsonObject row = server.api().asAdmin().get("/api/audit?limit=200").bodyAsJsonArray().stream()
        .map(JsonObject.class::cast).filter(r -> r.getString("action").equals("auth.login_failed"))
        .findFirst().orElseThrow();
    String stored = row.getJsonObject("details").getString("username");
    assertThat(stored).startsWith("admin").doesNotContain("\n", "\u202e", "\u200b");
    assertThat(stored.codePointCount(0, stored.length())).isLessThanOrEqualTo(Usernames.AUDITED_LENGTH + 1);
    assertThat(row.getString("actorName")).isEqualTo(stored);
    assertThat(row.getJsonObject("details").getBoolean("usernameSanitized")).isTrue();
  }

  @Test
  void requestsWithoutOrWithAForgedTokenAreRefused() {
    var none = server.api().get("/api/events");
    var forged = server.api().withToken("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl").get("/api/events");

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.bodyAsJsonObject().getString("error")).isEqualTo("unauthorized");
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.bodyAsJsonObject().getString("error")).isEqualTo("invalid_token");
  }

  @Test
  void changingOnesPasswordRevokesTheOldTokenAndTheNewPasswordWorks() {
    Api clerk = server.api().asAdmin().newStaff("clerk-pw", "clerk", "first-password-1");
    String oldToken = clerk.token();

    var changed = clerk.post("/api/auth/password",
        new JsonObject().put("currentPassword", "first-password-1").put("newPassword", "second-password-2"));

    assertThat(changed.statusCode()).isEqualTo(204);
    assertThat(server.api().withToken(oldToken).get("/api/auth/me").statusCode()).isEqualTo(401);
    assertThat(server.api().as("clerk-pw", "second-password-2").get("/api/auth/me").bodyAsJsonObject()
        .getString("username")).isEqualTo("clerk-pw");
  }

  @Test
  void changingOnesPasswordNeedsTheCurrentOne() {
    Api observer = server.api().asAdmin().newStaff("observer-pw", "observer", "first-password-1");

    var refused = observer.post("/api/auth/password",
        new JsonObject().put("currentPassword", "wrong-password").put("newPassword", "second-password-2"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.bodyAsJsonObject().getJsonObject("fields").getString("currentPassword")).isNotBlank();
  }

  @Test
  void aDisabledAccountLosesItsTokenAndCannotSignIn() {
    Api admin = server.api().asAdmin();
    Api organizer = server.api().asAdmin().newStaff("leaving", "organizer", "organizer-pass-1");
    String id = organizer.get("/api/auth/me").bodyAsJsonObject().getString("id");

    assertThat(admin.patch("/api/accounts/" + id, new JsonObject().put("active", false)).statusCode()).isEqualTo(200);

    var withOldToken = organizer.get("/api/events");
    assertThat(withOldToken.statusCode()).isEqualTo(401);
    assertThat(withOldToken.bodyAsJsonObject().getString("error")).isEqualTo("account_disabled");
    assertThat(server.api().post("/api/auth/login", new JsonObject().put("username", "leaving")
        .put("password", "organizer-pass-1")).statusCode()).isEqualTo(401);
  }

  @Test
  void anAdminResetsAPasswordAndTheOldOneStopsWorking() {
    Api admin = server.api().asAdmin();
    Api clerk = server.api().asAdmin().newStaff("forgetful", "clerk", "forgotten-pass-1");
    String id = clerk.get("/api/auth/me").bodyAsJsonObject().getString("id");

    var reset = admin.post("/api/accounts/" + id + "/password", new JsonObject().put("newPassword", "fresh-pass-22"));

    assertThat(reset.statusCode()).isEqualTo(204);
    assertThat(clerk.get("/api/auth/me").statusCode()).isEqualTo(401);
    assertThat(server.api().as("forgetful", "fresh-pass-22").get("/api/auth/me").statusCode()).isEqualTo(200);
  }

  @Test
  void aTakenUsernameIsAConflictWhateverItsCase() {
    Api admin = server.api().asAdmin();
    admin.newStaff("twin", "observer", "twin-password-1");

    var again = admin.post("/api/accounts", new JsonObject().put("username", "TWIN").put("displayName", "Twin")
        .put("role", "observer").put("password", "twin-password-2"));

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.bodyAsJsonObject().getString("error")).isEqualTo("username_taken");
  }

  @Test
  void anAdminCannotDisableThemself() {
    Api admin = server.api().asAdmin();
    String id = admin.get("/api/auth/me").bodyAsJsonObject().getString("id");

    var refused = admin.patch("/api/accounts/" + id, new JsonObject().put("active", false));

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("own_account");
  }

  private static HttpResponse<Buffer> signIn(String username, String password) {
    return server.api().post("/api/auth/login", new JsonObject().put("username", username).put("password", password));
  }
}
