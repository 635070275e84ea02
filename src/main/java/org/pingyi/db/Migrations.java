package org.pingyi.db;

import org.flywaydb.core.Flyway;

/** Brings a database's schema up to date with the migrations under db/migration; blocking, so never on an event loop. */
public final class Migrations {
  private Migrations() {
  }

  public static int migrate(DatabaseSettings settings) {
    return Flyway.configure()
        .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
        .locations("classpath:db/migration")
        .load()
        .migrate()
        .migrationsExecuted;
  }
}
