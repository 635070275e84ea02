package org.pingyi.support;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.pingyi.db.DatabaseSettings;
import org.pingyi.db.EmbeddedDatabase;
import org.pingyi.db.Migrations;

/**
 * A real PostgreSQL for tests: the server named by PINGYI_TEST_DATABASE_URL, or else one embedded
 * PostgreSQL 15 per test run. Each test class gets a database of its own, migrated by production code; on the
 * embedded one, tests connect as the production server does, with the unprivileged application role.
 */
public final class TestDatabase {
  private static DatabaseSettings server;
  private static EmbeddedDatabase embedded;

  private TestDatabase() {
  }

  /** A new, empty, migrated database. */
  public static DatabaseSettings fresh() {
    DatabaseSettings admin = server();
    String name = "pingyi_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    if (embedded != null) return embedded.createDatabase(name);
    execute(admin, "CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
    DatabaseSettings settings = admin.withDatabase(name);
    Migrations.migrate(settings);
    return settings;
  }

  /** The same database as the superuser (or the configured server's user): for tests that play an intruder. */
  public static DatabaseSettings superuser(DatabaseSettings settings) {
    return server().withDatabase(settings.database());
  }

  public static void drop(DatabaseSettings settings) {
    execute(server(), "DROP DATABASE IF EXISTS " + settings.database() + " WITH (FORCE)");
  }

  /** Runs one statement over JDBC (test set-up only). */
  public static void execute(DatabaseSettings settings, String sql) {
    try (var connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
         var statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("test database: " + sql, e);
    }
  }

  private static synchronized DatabaseSettings server() {
    if (server == null) {
      String url = System.getenv("PINGYI_TEST_DATABASE_URL");
      if (url != null && !url.isBlank()) {
        server = DatabaseSettings.fromUri(url);
      } else {
        embedded = EmbeddedDatabase.start(Path.of("target", "test-pg", UUID.randomUUID().toString()));
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
        server = embedded.adminSettings();
      }
    }
    return server;
  }
}
