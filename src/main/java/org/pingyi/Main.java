package org.pingyi;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import org.pingyi.config.AppConfig;
import org.pingyi.db.DatabaseRole;
import org.pingyi.db.DatabaseSettings;
import org.pingyi.db.EmbeddedDatabase;
import org.pingyi.db.Migrations;
import org.pingyi.metrics.Metrics;
import org.pingyi.metrics.MetricsServer;
import org.pingyi.ops.Backup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts Pingyi: reads the configuration, finds or starts the database, migrates it, deploys the server. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);
  private static final int MAX_INSTANCES = 4;

  private Main() {
  }

  public static void main(String[] args) {
    if (args.length > 0 && "recount".equals(args[0])) {
      // A command of its own: no configuration, no database, no server (README, 独立重新计票).
      // UTF-8 whatever the locale: the figures are read beside Chinese tables (Windows: chcp 65001 first).
      var out = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
          java.nio.charset.StandardCharsets.UTF_8);
      var err = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
          java.nio.charset.StandardCharsets.UTF_8);
      System.exit(org.pingyi.recount.Recount.run(args, out, err));
      return;
    }
    AppConfig config;
    try {
      config = AppConfig.fromEnv(System.getenv());
    } catch (AppConfig.ConfigException e) {
      System.err.println("配置错误 / configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (Backup.handles(args)) System.exit(Backup.run(args, config));
    EmbeddedDatabase embedded = null;
    DatabaseSettings database;
    if (config.externalDatabase()) {
      database = config.externalDatabaseSettings();
      LOG.info("Using the PostgreSQL server at {}", database.describe());
      DatabaseRole.warnIfPrivileged(database);
    } else {
      embedded = EmbeddedDatabase.start(config.dataDir().resolve("pg"));
      database = embedded.settings();
      LOG.info("Using the embedded PostgreSQL 15 at {} with its data in {}", database.describe(),
          config.dataDir().resolve("pg"));
    }
    // Before any verticle runs: Flyway uses JDBC and blocks, which is fine on the main thread.
    int applied = embedded != null ? embedded.migrate() : Migrations.migrate(database);
    LOG.info("Database schema up to date ({} migrations applied now)", applied);

    Metrics metrics = Metrics.create();
    Vertx vertx = metrics.vertx();
    EmbeddedDatabase ownedDatabase = embedded;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(vertx, ownedDatabase)));
    // One server instance per core, each on its own event loop, all sharing the port (Vert.x balances the
    // connections among them). They share no state: what matters is in PostgreSQL, as across machines. Each
    // holds its own pool (8 connections) and LISTEN connection, so at most four: a big host must not exhaust
    // PostgreSQL's connections (100 by default), least of all when several hosts share one database.
    int instances = Math.min(MAX_INSTANCES, Runtime.getRuntime().availableProcessors());
    vertx.deployVerticle(() -> new PingyiServer(config, database, metrics.measurements()),
            new DeploymentOptions().setInstances(instances))
        .compose(id -> MetricsServer.deploy(vertx, config.metrics(), metrics.registry()))
        .onSuccess(v -> LOG.info("Pingyi is listening on port {} with {} event loops (phones reach it at {})",
            config.httpPort(), instances, config.publicUrl()))
        .onFailure(failure -> {
          LOG.error("Pingyi could not start: {}", failure.getMessage(), failure);
          System.exit(1);
        });
  }

  private static void shutdown(Vertx vertx, EmbeddedDatabase embedded) {
    try {
      vertx.close().await(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("Vert.x did not close cleanly: {}", e.getMessage());
    }
    if (embedded != null) embedded.close();
  }
}
