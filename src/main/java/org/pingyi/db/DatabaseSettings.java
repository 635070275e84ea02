package org.pingyi.db;

import io.vertx.pgclient.PgConnectOptions;

/** Where the database is, in the two forms Pingyi needs: Vert.x connect options and a JDBC URL for Flyway. */
public record DatabaseSettings(String host, int port, String database, String user, String password) {

  public static DatabaseSettings fromUri(String uri) {
    return of(PgConnectOptions.fromUri(uri));
  }

  /** Reads the standard PGHOST, PGPORT, PGDATABASE, PGUSER and PGPASSWORD variables. */
  public static DatabaseSettings fromPgEnvironment() {
    return of(PgConnectOptions.fromEnv());
  }

  private static DatabaseSettings of(PgConnectOptions options) {
    return new DatabaseSettings(options.getHost(), options.getPort(), options.getDatabase(), options.getUser(),
        options.getPassword());
  }

  public DatabaseSettings withDatabase(String name) {
    return new DatabaseSettings(host, port, name, user, password);
  }

  public PgConnectOptions connectOptions() {
    return new PgConnectOptions()
        .setHost(host).setPort(port).setDatabase(database).setUser(user).setPassword(password)
        .setCachePreparedStatements(true)
        .addProperty("application_name", "pingyi");
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** For the log: never the password. */
  public String describe() {
    return user + "@" + host + ":" + port + "/" + database;
  }
}
