package org.pingyi.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 15 that Pingyi runs itself when no database is configured, with its data kept on disk
 * so that a second start finds the first one's events.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final String DATABASE = "pingyi";

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static EmbeddedDatabase start(Path dataDirectory) {
    return start(dataDirectory, 0);
  }

  /** On a given port (0: any free one), so that a restart on the same data directory is found where it was. */
  public static EmbeddedDatabase start(Path dataDirectory, int port) {
    try {
      Files.createDirectories(dataDirectory);
      OrphanPostmaster.stopIfRunning(dataDirectory);
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(false)
          .setPort(port)
          .setLocaleConfig("encoding", "UTF8")
          .setLocaleConfig("locale", "C.UTF-8")
          // zonky starts PostgreSQL tuned for throwaway test data (-F, synchronous_commit off): a ballot
          // acknowledged to a voter must survive a power cut, so durability is switched back on.
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on")
          .start();
      EmbeddedDatabase database = new EmbeddedDatabase(postgres);
      database.createApplicationDatabase();
      return database;
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dataDirectory
          + " (" + rootCause(e) + "). Where user namespaces are disabled it cannot run as root:"
          + " point DATABASE_URL at a PostgreSQL server instead.", e);
    }
  }

  public DatabaseSettings settings() {
    return new DatabaseSettings("localhost", postgres.getPort(), DATABASE, "postgres", "");
  }

  /** The server's own maintenance database, for creating others (tests make one per class). */
  public DatabaseSettings adminSettings() {
    return settings().withDatabase("postgres");
  }

  private void createApplicationDatabase() {
    try (var connection = postgres.getPostgresDatabase().getConnection();
         var statement = connection.createStatement()) {
      var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
      if (!exists.next()) {
        statement.execute("CREATE DATABASE " + DATABASE + " TEMPLATE template0 ENCODING 'UTF8'");
        LOG.info("Created database {} in the embedded PostgreSQL", DATABASE);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Could not create the database " + DATABASE, e);
    }
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    }
  }

  private static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) cause = cause.getCause();
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
