package org.pingyi.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The run command's default database: a second start finds what the first one stored. */
class EmbeddedDatabaseTest {

  @Test
  void aSecondStartKeepsTheDataOfTheFirst() throws SQLException {
    Path dir = Path.of("target", "embedded-restart", UUID.randomUUID().toString());
    try (EmbeddedDatabase first = EmbeddedDatabase.start(dir)) {
      assertThat(Migrations.migrate(first.settings())).isPositive();
      insertEvent(first.settings(), "第一次启动时创建的活动");
    }

    try (EmbeddedDatabase second = EmbeddedDatabase.start(dir)) {
      assertThat(Migrations.migrate(second.settings())).isZero();
      assertThat(eventTitles(second.settings())).isEqualTo("第一次启动时创建的活动");
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
