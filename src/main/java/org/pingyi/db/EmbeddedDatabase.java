package org.pingyi.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 15 that Pingyi runs itself when no database is configured, with its data kept on disk so that a
 * second start finds the first one's events. Only Pingyi can get in (issue 17): passwords on every connection
 * ({@link EmbeddedAccess}), and the server connects as the unprivileged {@link ApplicationRole}, not as the superuser.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
  static final String DATABASE = "pingyi";

  private final EmbeddedPostgres postgres;
  private final EmbeddedPasswords passwords;

  private EmbeddedDatabase(EmbeddedPostgres postgres, EmbeddedPasswords passwords) {
    this.postgres = postgres;
    this.passwords = passwords;
  }

  public static EmbeddedDatabase start(Path dataDirectory) {
    return start(dataDirectory, 0);
  }

  /** On a given port (0: any free one), so that a restart on the same data directory is found where it was. */
  public static EmbeddedDatabase start(Path dataDirectory, int port) {
    Path data = dataDirectory.toAbsolutePath().normalize();
    try {
      Files.createDirectories(data);
      OrphanPostmaster.stopIfRunning(data);
      EmbeddedPasswords passwords = EmbeddedPasswords.readOrGenerate(data);
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setDataDirectory(data)
          .setCleanDataDirectory(false)
          .setPort(port)
          .setOverrideWorkingDirectory(binaries(data).toFile())
          .setDataDirectoryCustomizer(dir -> EmbeddedAccess.secure(dir.toPath(), passwords))
          // zonky's own readiness check and maintenance connections log in as the superuser over TCP.
          .setConnectConfig("password", passwords.admin())
          .setLocaleConfig("encoding", "UTF8")
          .setLocaleConfig("locale", "C.UTF-8")
          // zonky starts PostgreSQL tuned for throwaway test data (-F, synchronous_commit off): a ballot
          // acknowledged to a voter must survive a power cut, so durability is switched back on.
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on");
      EmbeddedAccess.serverOptions().forEach(builder::setServerConfig);
      EmbeddedDatabase database = new EmbeddedDatabase(builder.start(), passwords);
      database.prepareServer();
      return database;
    } catch (IOException | RuntimeException | SQLException e) {
      throw new IllegalStateException("Could not start the embedded PostgreSQL in " + data
          + " (" + rootCause(e) + "). Where user namespaces are disabled it cannot run as root:"
          + " point DATABASE_URL at a PostgreSQL server instead.", e);
    }
  }

  /** The application role on the application database: what the server connects with. */
  public DatabaseSettings settings() {
    return applicationSettings(DATABASE);
  }

  /** The superuser on the server's maintenance database, for creating others (tests make one per class). */
  public DatabaseSettings adminSettings() {
    return new DatabaseSettings("localhost", postgres.getPort(), "postgres", EmbeddedPasswords.ADMIN, passwords.admin());
  }

  /** The superuser on the application database: for restoring a backup into it before {@link #migrate()}. */
  public DatabaseSettings superuserSettings() {
    return adminSettings().withDatabase(DATABASE);
  }

  /** Brings the application database's schema up to date; returns the number of migrations applied now. */
  public int migrate() {
    return migrate(DATABASE);
  }

  /** A new, empty database migrated like the application's, for the application role (tests make one per class). */
  public DatabaseSettings createDatabase(String name) {
    createIfMissing(name);
    migrate(name);
    return applicationSettings(name);
  }

  private int migrate(String database) {
    DatabaseSettings superuser = adminSettings().withDatabase(database);
    try {
      ApplicationRole.handOver(superuser);
      int applied = Migrations.migrate(superuser, ApplicationRole.NAME);
      ApplicationRole.handOver(superuser);
      return applied;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not hand the database " + database + " to the role "
          + ApplicationRole.NAME, e);
    }
  }

  private DatabaseSettings applicationSettings(String database) {
    return new DatabaseSettings("localhost", postgres.getPort(), database, ApplicationRole.NAME, passwords.application());
  }

  private void prepareServer() throws SQLException {
    ApplicationRole.ensure(adminSettings(), passwords.application());
    createIfMissing(DATABASE);
  }

  private void createIfMissing(String name) {
    DatabaseSettings admin = adminSettings();
    try (var connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
         var statement = connection.createStatement()) {
      var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
      if (!exists.next()) {
        // Owned by the superuser: the owner of a database owns its public schema and could drop the audit log.
        statement.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
        LOG.info("Created database {} in the embedded PostgreSQL", name);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the database " + name, e);
    }
  }

  /**
   * A directory of the server's OS user only, beside the data directory, for zonky's unpacked binaries and work
   * files: by default zonky uses /tmp/embedded-pg, where another local user could plant binaries that Pingyi would
   * run, or stale "data directories" that zonky would stop and delete.
   */
  private static Path binaries(Path dataDirectory) throws IOException {
    Path own = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-binaries");
    Files.createDirectories(own);
    if (!Files.getOwner(own).getName().equals(System.getProperty("user.name"))) {
      throw new IOException(own + " belongs to " + Files.getOwner(own).getName() + ", not to this user");
    }
    Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rwx------"));
    // Read by EmbeddedPostgres.builder() for its work directory; the first start in this JVM decides.
    System.getProperties().putIfAbsent("ot.epg.working-dir", own.resolve("work").toString());
    return own.resolve("zonky");
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
