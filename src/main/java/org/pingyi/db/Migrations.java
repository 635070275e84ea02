package org.pingyi.db;

import org.flywaydb.core.Flyway;

/** Brings a database's schema up to date with the migrations under db/migration; blocking, so never on an event loop. */
public final class Migrations {
  private Migrations() {
  }

  /** As the settings' user, who owns the schema (an external PostgreSQL). */
  public static int migrate(DatabaseSettings settings) {
    return flyway(settings.jdbcUrl(), settings);
  }

  /**
   * Connected as a superuser but acting as {@code role} (SET ROLE), which then owns what the migrations create:
   * no superuser runs a migration's statements on tables that a less trusted role owns and could have booby-trapped
   * (a DEFAULT or trigger it added would run with the superuser's powers). A migration that must change the audit
   * log, which that role does not own, starts with RESET ROLE and ends with SET ROLE back. The role is set at
   * connection start-up (options=-c role=...), so it holds on every connection Flyway opens.
   */
  static int migrate(DatabaseSettings superuser, String role) {
    return flyway(superuser.jdbcUrl() + "?options=-c%20role%3D" + role, superuser);
  }

  private static int flyway(String jdbcUrl, DatabaseSettings settings) {
    return Flyway.configure()
        .dataSource(jdbcUrl, settings.user(), settings.password())
        .locations("classpath:db/migration")
        .load()
        .migrate()
        .migrationsExecuted;
  }
}
