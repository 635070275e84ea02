package org.pingyi.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.TestDatabase;

/**
 * V012 on a database already in use: the accounts whose current password an admin set, as the audit log tells, must
 * change it at their next sign-in; those who chose their own, and the first admin, are left alone.
 */
class InitialPasswordUpgradeTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();

  @Test
  void accountsStillOnAnAdminSetPasswordAreAskedAgainAfterTheUpgrade() throws IOException {
    Api admin = server.api().asAdmin();
    admin.post("/api/accounts", new JsonObject().put("username", "never-signed-in").put("displayName", "甲")
        .put("password", "initial-pass-1"));
    admin.newStaff("chose-own", "clerk", "own-password-1");
    String resetId = admin.newStaff("reset-later", "clerk", "own-password-2").get("/api/auth/me").bodyAsJsonObject()
        .getString("id");
    admin.post("/api/accounts/" + resetId + "/password", new JsonObject().put("newPassword", "reset-pass-1"));
    // As an older Pingyi left it: the column did not exist, so no account was flagged.
    TestDatabase.execute(TestDatabase.superuser(server.database()),
        "UPDATE accounts SET password_change_required = false");

    TestDatabase.execute(TestDatabase.superuser(server.database()), v012Update());

    assertThat(required("never-signed-in")).isTrue();
    assertThat(required("chose-own")).isFalse();
    assertThat(required("reset-later")).isTrue();
    assertThat(required("admin")).isFalse();
  }

  /** The migration's UPDATE, as Flyway runs it. */
  private static String v012Update() throws IOException {
    try (InputStream in = InitialPasswordUpgradeTest.class
        .getResourceAsStream("/db/migration/V012__password_change_required.sql")) {
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return sql.substring(sql.indexOf("UPDATE accounts"));
    }
  }

  private static boolean required(String username) {
    return server.api().asAdmin().get("/api/accounts").bodyAsJsonArray().stream().map(JsonObject.class::cast)
        .filter(a -> a.getString("username").equals(username)).findFirst().orElseThrow()
        .getBoolean("passwordChangeRequired");
  }
}
