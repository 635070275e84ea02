package org.pingyi.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Slow;

/** The run command's default database: a second start finds what the first one stored. */
@Slow
class EmbeddedDatabaseTest {

  @Test
  void aSecondStartKeepsTheDataOfTheFirst() throws SQLException {
    Path dir = Path.of("target", "embedded-restart", UUID.randomUUID().toString());
    try (EmbeddedDatabase first = EmbeddedDatabase.start(dir)) {
      assertThat(first.migrate()).isPositive();
      insertEvent(first.settings(), "第一次启动时创建的活动");
    }

    try (EmbeddedDatabase second = EmbeddedDatabase.start(dir)) {
      assertThat(second.migrate()).isZero();
      assertThat(eventTitles(second.settings())).isEqualTo("第一次启动时创建的活动");
    }
  }

  @Test
  void theEmbeddedDatabaseCommitsDurably() throws SQLException {
    try (EmbeddedDatabase db = EmbeddedDatabase.start(Path.of("target", "embedded-durable", UUID.randomUUID().toString()))) {
      assertThat(setting(db.settings(), "fsync")).isEqualTo("on");
      assertThat(setting(db.settings(), "synchronous_commit")).isEqualTo("on");
      assertThat(setting(db.settings(), "server_encoding")).isEqualTo("UTF8");
    }
  }

  @Test
  void aPostgresLeftRunningByAKilledPingyiIsStoppedAndTheDataReused() throws Exception {
    Path dir = Path.of("target", "embedded-orphan", UUID.randomUUID().toString()).toAbsolutePath();
    Process killed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), KilledPingyi.class.getName(), dir.toString())
        .redirectErrorStream(true).start();
    try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(killed.getInputStream()))) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("READY")) {
        // start-up log of the child
      }
    }
    killed.destroyForcibly().waitFor();

    try (EmbeddedDatabase next = EmbeddedDatabase.start(dir)) {
      assertThat(eventTitles(next.settings())).isEqualTo("被遗留的数据库里的活动");
    }
  }

  /** A Pingyi stand-in that starts its database, stores an event and waits to be killed with SIGKILL. */
  public static final class KilledPingyi {
    public static void main(String[] args) throws Exception {
      EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]));
      db.migrate();
      insertEvent(db.settings(), "被遗留的数据库里的活动");
      System.out.println("READY");
      System.out.flush();
      Thread.sleep(120_000);
    }
  }

  private static String setting(DatabaseSettings settings, String name) throws SQLException {
    try (var c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
         var rs = c.createStatement().executeQuery("SHOW " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void insertEvent(DatabaseSettings settings, String title) throws SQLException {
    try (var c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
         var s = c.prepareStatement("INSERT INTO events (title) VALUES (?)")) {
      s.setString(1, title);
      s.executeUpdate();
    }
  }

  private static String eventTitles(DatabaseSettings settings) throws SQLException {
    try (var c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
         var rs = c.createStatement().executeQuery("SELECT string_agg(title, ',') FROM events")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
