package org.pingyi.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.db.DatabaseSettings;
import org.pingyi.support.Api;
import org.pingyi.support.Db;
import org.pingyi.support.LogCapture;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.TestDatabase;

/**
 * The 500 fallback over real HTTP. No input reaches it (HostileInputTest holds the server to that), so the fault is
 * put where input cannot reach: the database, given a trigger that fails an insert with an error no code maps, as a
 * botched migration or a DBA's mistake would. This class's database is its own, so the sabotage harms no other test.
 */
class InternalErrorTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  /** What PostgreSQL says, with SQL and a table name in it: all of it for the log, none of it for the client. */
  private static final String DATABASE_SAYS = "sabotaged: SELECT value FROM server_secrets WHERE name = 'jwt_hs256'";
  private static Api admin;
  private static DatabaseSettings superuser;

  @BeforeAll
  static void signIn() {
    admin = server.api().asAdmin();
    superuser = TestDatabase.superuser(server.database());
  }

  @Test
  void aDatabaseFaultNoCodeMapsIsAGeneric500WithNoSqlOrStackTraceAndTheNextRequestSucceeds() {
    TestDatabase.execute(superuser, "CREATE FUNCTION sabotage() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        + "RAISE EXCEPTION '%', '" + DATABASE_SAYS.replace("'", "''") + "'; END $$");
    TestDatabase.execute(superuser,
        "CREATE TRIGGER sabotage BEFORE INSERT ON feedback_boxes FOR EACH ROW EXECUTE FUNCTION sabotage()");
    JsonObject box = new JsonObject().put("title", "故障").put("unit", "某县委组织部");
    int logged = LogCapture.lines().size();

    HttpResponse<Buffer> failed = admin.post("/api/feedback/boxes", box);

    assertThat(failed.statusCode()).as(failed.bodyAsString()).isEqualTo(500);
    assertThat(failed.getHeader("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(failed.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(failed.bodyAsJsonObject()).isEqualTo(new JsonObject()
        .put("error", "internal_error").put("message", "服务器内部错误").put("fields", new JsonObject()));
    assertThat(failed.bodyAsString()).doesNotContain("sabotage", "SELECT", "server_secrets", "feedback_boxes",
        "P0001", "Exception", "org.pingyi", "io.vertx");
    // The operator, unlike the client, is told everything: the request and what the database said.
    List<String> since = LogCapture.lines().subList(logged, LogCapture.lines().size());
    assertThat(since).anyMatch(line -> line.contains("Unexpected failure on POST /api/feedback/boxes")
        && line.contains(DATABASE_SAYS));
    assertThat(new Db(server.database()).count(
        "SELECT count(*) FROM audit_log WHERE action = 'feedback.box_created'")).as("the transaction rolled back")
        .isZero();

    TestDatabase.execute(superuser, "DROP TRIGGER sabotage ON feedback_boxes");
    assertThat(admin.post("/api/feedback/boxes", box).statusCode()).as("the fault left nothing behind").isEqualTo(201);
  }
}
