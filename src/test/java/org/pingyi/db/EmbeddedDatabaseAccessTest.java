package org.pingyi.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Slow;

/**
 * Issue 17: the embedded PostgreSQL lets in Pingyi only. No connection without the password, no socket in /tmp,
 * and the role the server connects as cannot rewrite the audit log, read the superuser's secrets or run programs.
 */
@Slow
class EmbeddedDatabaseAccessTest {
  private static Path dir;
  private static EmbeddedDatabase db;

  @BeforeAll
  static void start() {
    dir = Path.of("target", "embedded-access", UUID.randomUUID().toString()).toAbsolutePath();
    db = EmbeddedDatabase.start(dir);
    db.migrate();
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  @Test
  void withoutThePasswordNoRoleGetsInOverTcp() throws Exception {
    for (String role : List.of("postgres", "pingyi")) {
      assertThatThrownBy(() -> DriverManager.getConnection(db.settings().jdbcUrl(), role, "").close())
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> DriverManager.getConnection(db.settings().jdbcUrl(), role, "wrong").close())
          .hasMessageContaining("password authentication failed");
    }
    assertThat(Files.readString(dir.resolve("pg_hba.conf"))).doesNotContain("trust\n").contains("scram-sha-256");
  }

  @Test
  void thePasswordsAreInAFileOnlyTheServersUserCanRead() throws Exception {
    Path file = dir.resolve(EmbeddedPasswords.FILE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(Files.readString(file)).contains(db.settings().password()).contains(db.adminSettings().password());
  }

  @Test
  void theServerListensOnLoopbackAndItsSocketIsInThePrivateDataDirectory() throws Exception {
    assertThat(query(db.adminSettings(), "SHOW listen_addresses")).isEqualTo("localhost");
    assertThat(query(db.adminSettings(), "SHOW unix_socket_directories")).isEqualTo(dir.toString());
    assertThat(Files.exists(dir.resolve(".s.PGSQL." + db.settings().port()))).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    assertThat(Files.getOwner(dir).getName()).isEqualTo(System.getProperty("user.name"));
  }

  @Test
  void anotherOsUserCannotReachTheSocketAndTheServersOwnUserStillNeedsThePassword() throws Exception {
    assertThat(Files.exists(Path.of("/usr/bin/psql"))).as("psql (apt-get install postgresql-client)").isTrue();
    assertThat(System.getProperty("user.name")).as("su to another user needs root").isEqualTo("root");
    String psql = "psql -w -h " + dir + " -p " + db.settings().port() + " -U postgres -c 'SELECT 1' postgres";

    Result asNobody = run("su", "nobody", "-s", "/bin/sh", "-c", psql);
    Result asOwner = run("sh", "-c", psql);

    assertThat(asNobody.exitCode()).isNotZero();
    assertThat(asNobody.output()).contains("Permission denied");
    assertThat(asOwner.exitCode()).isNotZero();
    assertThat(asOwner.output()).contains("no password supplied");
  }

  @Test
  void theApplicationRoleHasNoPowersBeyondTheApplications() throws Exception {
    assertThat(db.settings().user()).isEqualTo("pingyi");
    assertThat(DatabaseRole.excessPowers(db.settings())).isEmpty();
    assertThat(query(db.settings(), "SELECT string_agg(DISTINCT installed_by, ',') FROM flyway_schema_history"))
        .as("migrations ran as the application role").isEqualTo("pingyi");
    for (String forbidden : List.of(
        "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update",
        "ALTER TABLE audit_log DISABLE TRIGGER ALL",
        "DROP TRIGGER audit_log_no_update ON audit_log",
        "CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN OLD; END'",
        "UPDATE audit_log SET action = 'x'",
        "DELETE FROM audit_log",
        "TRUNCATE audit_log",
        "DROP TABLE audit_log",
        "SET session_replication_role = replica",
        "COPY (SELECT 1) TO PROGRAM 'true'",
        "SELECT rolpassword FROM pg_authid",
        "CREATE ROLE intruder SUPERUSER",
        "ALTER ROLE pingyi SUPERUSER",
        "GRANT pg_execute_server_program TO pingyi")) {
      assertThatThrownBy(() -> execute(db.settings(), forbidden)).as(forbidden).isInstanceOf(SQLException.class);
    }
  }

  @Test
  void theApplicationRoleCanDoWhatTheServerDoes() throws Exception {
    try (Connection c = connect(db.settings()); var s = c.createStatement()) {
      s.execute("INSERT INTO audit_log (actor_name, action, object_type) VALUES ('test', 'probe', 'test')");
      s.execute("SELECT count(*) FROM audit_log");
      s.execute("SELECT value FROM server_secrets");
      s.execute("SELECT pg_advisory_xact_lock(42), pg_notify('test', 'x')");
      s.execute("LISTEN test");
      s.execute("VACUUM (SKIP_LOCKED) held_ballots, paper_entries");
      assertThat((Object) s.getWarnings()).as("VACUUM skipped a table it may not vacuum").isNull();
    }
  }

  @Test
  void connectingAsASuperuserIsWarnedAboutOnStderr() throws Exception {
    var stderr = new java.io.ByteArrayOutputStream();
    var original = System.err;
    System.setErr(new java.io.PrintStream(stderr, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      DatabaseRole.warnIfPrivileged(db.adminSettings());
      DatabaseRole.warnIfPrivileged(db.settings());
    } finally {
      System.setErr(original);
    }
    assertThat(stderr.toString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("WARNING: Pingyi connects to PostgreSQL as postgres, which has SUPERUSER")
        .doesNotContain("as pingyi");
  }

  static String query(DatabaseSettings settings, String sql) throws SQLException {
    try (Connection c = connect(settings); var rows = c.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  static void execute(DatabaseSettings settings, String sql) throws SQLException {
    try (Connection c = connect(settings); var s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static Connection connect(DatabaseSettings settings) throws SQLException {
    return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
  }

  private record Result(int exitCode, String output) {
  }

  private static Result run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    return new Result(process.waitFor(), output);
  }
}
