package org.pingyi.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pingyi.db.EmbeddedDatabaseAccessTest.execute;
import static org.pingyi.db.EmbeddedDatabaseAccessTest.query;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Slow;

/** A data directory written by a Pingyi before issue 17 (trust, every table the superuser's) is secured on start. */
@Slow
class EmbeddedDatabaseUpgradeTest {

  @Test
  void anOlderDataDirectoryIsSecuredAndKeepsItsData() throws Exception {
    Path dir = Path.of("target", "embedded-upgrade", UUID.randomUUID().toString()).toAbsolutePath();
    writeAsAnOlderPingyi(dir);

    try (EmbeddedDatabase db = EmbeddedDatabase.start(dir)) {
      assertThat(db.migrate()).isZero();
      DatabaseSettings app = db.settings();

      assertThat(query(app, "SELECT string_agg(title, ',') FROM events")).isEqualTo("升级前的活动");
      assertThat(query(app, "SELECT value FROM server_secrets WHERE name = 'probe'")).isEqualTo("old");
      assertThat(query(app, """
          SELECT string_agg(DISTINCT c.relname || '=' || pg_get_userbyid(c.relowner), ',' ORDER BY c.relname || '=' || pg_get_userbyid(c.relowner))
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind = 'r' AND (c.relname = 'audit_log' OR pg_get_userbyid(c.relowner) <> 'pingyi')"""))
          .as("tables not owned by the application role").isEqualTo("audit_log=postgres");
      execute(app, "INSERT INTO audit_log (actor_name, action, object_type) VALUES ('test', 'after', 'test')");
      assertThatThrownBy(() -> execute(app, "DELETE FROM audit_log")).isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> execute(app, "ALTER TABLE audit_log DISABLE TRIGGER ALL")).isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> DriverManager.getConnection(app.jdbcUrl(), "postgres", "").close())
          .isInstanceOf(SQLException.class);
      assertThat(Files.readString(dir.resolve("pg_hba.conf"))).doesNotContain("trust");
    }
  }

  /** As EmbeddedDatabase did before: zonky's defaults (initdb -A trust), everything done as the superuser. */
  private static void writeAsAnOlderPingyi(Path dir) throws Exception {
    Files.createDirectories(dir);
    try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false)
        .setLocaleConfig("encoding", "UTF8").setLocaleConfig("locale", "C.UTF-8").start()) {
      try (var c = old.getPostgresDatabase().getConnection()) {
        c.createStatement().execute("CREATE DATABASE pingyi TEMPLATE template0 ENCODING 'UTF8'");
      }
      DatabaseSettings superuser = new DatabaseSettings("localhost", old.getPort(), "pingyi", "postgres", "");
      Migrations.migrate(superuser);
      execute(superuser, "INSERT INTO events (title) VALUES ('升级前的活动')");
      execute(superuser, "INSERT INTO server_secrets (name, value) VALUES ('probe', 'old')");
      execute(superuser, "INSERT INTO audit_log (actor_name, action, object_type) VALUES ('test', 'before', 'test')");
    }
    assertThat(Files.readString(dir.resolve("pg_hba.conf"))).contains("trust");
  }
}
