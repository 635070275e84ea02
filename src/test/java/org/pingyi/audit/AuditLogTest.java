package org.pingyi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.db.DatabaseSettings;
import org.pingyi.support.Api;
import org.pingyi.support.Fixtures;
import org.pingyi.support.TestDatabase;
import org.pingyi.support.ServerExtension;

/** Every staff action that changes something leaves a row saying who, what, which object and when; rows never change. */
class AuditLogTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  private static Api admin;

  @BeforeAll
  static void signIn() {
    admin = server.api().asAdmin();
  }

  @Test
  void accountChangesAndSignInsAreAudited() {
    Api clerk = admin.newStaff("audited-clerk", "clerk", "clerk-pass-1");
    String clerkId = clerk.get("/api/auth/me").bodyAsJsonObject().getString("id");
    admin.patch("/api/accounts/" + clerkId, new JsonObject().put("displayName", "王文书"));
    admin.post("/api/accounts/" + clerkId + "/password", new JsonObject().put("newPassword", "clerk-pass-2"));
    Api again = server.api().as("audited-clerk", "clerk-pass-2");
    again.post("/api/auth/password", new JsonObject().put("currentPassword", "clerk-pass-2").put("newPassword", "clerk-pass-3"));
    server.api().post("/api/auth/login", new JsonObject().put("username", "audited-clerk").put("password", "nope-nope"));

    List<JsonObject> rows = rowsAbout(clerkId);
    assertThat(actions(rows)).contains("account.created", "account.changed", "account.password_reset",
        "auth.login", "account.password_changed");
    assertThat(actions(all())).contains("auth.login_failed");
    JsonObject created = rows.stream().filter(r -> r.getString("action").equals("account.created")).findFirst().orElseThrow();
    assertThat(created.getString("actorName")).contains("admin");
    assertThat(created.getString("at")).isNotBlank();
    assertThat(created.getJsonObject("details").getString("role")).isEqualTo("clerk");
  }

  @Test
  void eventAndFormChangesAreAuditedUnderTheirEvent() {
    JsonObject ids = Fixtures.readyEvent(admin, "审计");
    String eventId = ids.getString("eventId");
    String formId = ids.getString("formId");
    admin.put("/api/events/" + eventId, Fixtures.event("审计（改）"));
    JsonObject form = admin.get("/api/forms/" + formId).bodyAsJsonObject();
    admin.put("/api/forms/" + formId, new JsonObject().put("version", form.getInteger("version"))
        .put("definition", form.getJsonObject("definition").put("title", "改过的标题")));
    String spare = admin.post("/api/events/" + eventId + "/forms", new JsonObject().put("template", "cadre-work"))
        .bodyAsJsonObject().getString("id");
    admin.delete("/api/forms/" + spare);
    admin.post("/api/events/" + eventId + "/open", null);
    admin.post("/api/events/" + eventId + "/close", null);
    admin.post("/api/events/" + eventId + "/archive", null);

    JsonArray trail = admin.get("/api/audit?eventId=" + eventId + "&limit=200").bodyAsJsonArray();
    List<String> actions = actions(trail.stream().map(o -> (JsonObject) o).toList());
    assertThat(actions).contains("event.created", "event.edited", "form.created", "form.list_pasted",
        "form.edited", "form.deleted", "form.frozen", "event.open", "event.closed", "event.archived");
  }

  @Test
  void pagesGoBackwardsInTime() {
    JsonArray first = admin.get("/api/audit?limit=2").bodyAsJsonArray();
    long oldest = first.getJsonObject(1).getLong("id");

    JsonArray next = admin.get("/api/audit?limit=2&before=" + oldest).bodyAsJsonArray();

    assertThat(first.getJsonObject(0).getLong("id")).isGreaterThan(oldest);
    assertThat(next.getJsonObject(0).getLong("id")).isLessThan(oldest);
  }

  @Test
  void theDatabaseRefusesToChangeOrDeleteAuditRowsEvenForTheirOwner() {
    DatabaseSettings owner = TestDatabase.superuser(server.database());
    assertThatThrownBy(() -> TestDatabase.execute(owner, "UPDATE audit_log SET action = 'x'"))
        .hasStackTraceContaining("append-only");
    assertThatThrownBy(() -> TestDatabase.execute(owner, "DELETE FROM audit_log"))
        .hasStackTraceContaining("append-only");
    assertThatThrownBy(() -> TestDatabase.execute(owner, "TRUNCATE audit_log"))
        .hasStackTraceContaining("append-only");
  }

  private static List<JsonObject> all() {
    return admin.get("/api/audit?limit=200").bodyAsJsonArray().stream().map(o -> (JsonObject) o).toList();
  }

  private static List<JsonObject> rowsAbout(String objectId) {
    return all().stream().filter(r -> objectId.equals(r.getString("objectId"))).collect(Collectors.toList());
  }

  private static List<String> actions(List<JsonObject> rows) {
    return rows.stream().map(r -> r.getString("action")).toList();
  }
}
