package org.pingyi.db;

import org.flywaydb.core.Flyway;

/** Brings a database's schema up to date with the migrations under db/migration; blocking, so never on an event loop. */
public final class Migrations {
  private Migrations() {
  }

  /** As the settings' user, who owns the schema (an external PostgreSQL). */
  public static int migrate(DatabaseSettings settings) {
    return flyway(settings, null);
  }

  /**
   * Connected as a superuser but acting as {@code role} (SET ROLE), which then owns what the migrations create:
   * no superuser runs a migration's statements on tables that a less trusted role owns and could have booby-trapped
   * (a DEFAULT or trigger it added would run with the superuser's powers). A migration that must change the audit
   * log, which that role does not own, starts with RESET ROLE and ends with SET ROLE back.
   */
  static int migrate(DatabaseSettings superuser, String role) {
    return flyway(superuser, "SET ROLE " + role);
  }

  private static int flyway(DatabaseSettings settings, String initSql) {
    return Flyway.configure()
        .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
        .initSql(initSql)
        .locations("classpath:db/migration")
        .load()
        .migrate()
        .migrationsExecuted;
  }
}
