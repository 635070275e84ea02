package org.pingyi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.pingyi.db.DatabaseSettings;
import org.pingyi.db.EmbeddedDatabase;
import org.pingyi.support.Api;
import org.pingyi.support.Db;
import org.pingyi.support.Slow;
import org.pingyi.support.TestDatabase;
import org.pingyi.support.TestServer;
import org.pingyi.support.Voting;

/**
 * Backing up a database named by DATABASE_URL, connected as the role the server runs with (not a superuser), and
 * restoring it into the embedded database of an empty data directory: the way from an own PostgreSQL to the
 * embedded one, and proof that the server's own role can take a complete backup, audit log included.
 */
@Slow
class ExternalBackupTest {

  @Test
  void aBackupOfADatabaseUrlRestoresIntoAnEmptyDataDirectory() throws Exception {
    Path root = Path.of("target", "backup-external", UUID.randomUUID().toString()).toAbsolutePath();
    Files.createDirectories(root);
    Path backup = root.resolve("external.backup");
    Vertx vertx = Vertx.vertx();
    DatabaseSettings external;
    try (TestServer server = TestServer.start(vertx)) {
      external = server.database();
      Api admin = server.api().asAdmin();
      Voting voting = Voting.open(admin, "外部数据库的活动");
      String token = voting.slips(admin, "A", 1).get(0);
      assertThat(server.api().post("/api/v/" + token, Voting.ballot(Voting.newNonce(), voting.validAnswers())).statusCode())
          .isEqualTo(201);
      var done = PingyiCommand.run(root.resolve("unused"), Map.of("DATABASE_URL", url(external)), "backup", backup.toString());
      assertThat(done.exit()).as(done.output()).isZero();
      assertThat(done.output()).contains("正在备份 " + external.describe()).doesNotContain(url(external));
    } finally {
      vertx.close().await();
    }

    var restore = PingyiCommand.run(root.resolve("data"), "restore", backup.toString());
    assertThat(restore.exit()).as(restore.output()).isZero();
    try (EmbeddedDatabase db = EmbeddedDatabase.start(root.resolve("data").resolve("pg"))) {
      assertThat(db.migrate()).isZero();
      Db restored = new Db(db.settings());
      assertThat(restored.strings("SELECT title FROM events")).containsExactly("外部数据库的活动");
      assertThat(restored.count("SELECT count(*) FROM held_ballots")).isEqualTo(1);
      assertThat(restored.count("SELECT count(*) FROM audit_log WHERE action = 'event.created'"))
          .isEqualTo(new Db(external).count("SELECT count(*) FROM audit_log WHERE action = 'event.created'")).isEqualTo(1);
    } finally {
      TestDatabase.drop(external);
    }
    PingyiCommand.deleteTree(root);
  }

  private static String url(DatabaseSettings s) {
    String password = s.password() == null ? "" : ":" + s.password();
    return "postgresql://" + s.user() + password + "@" + s.host() + ":" + s.port() + "/" + s.database();
  }
}
