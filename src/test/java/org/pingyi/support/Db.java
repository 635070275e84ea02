package org.pingyi.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.pingyi.db.DatabaseSettings;

/** Plain JDBC reads of the test database, to check what the server really stored. */
public final class Db {
  private final DatabaseSettings settings;

  public Db(DatabaseSettings settings) {
    this.settings = settings;
  }

  public long count(String sql, Object... params) {
    return Long.parseLong(strings(sql, params).get(0));
  }

  /** The first column of every row, as text. */
  public List<String> strings(String sql, Object... params) {
    try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
         PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) s.setObject(i + 1, params[i]);
      List<String> values = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) values.add(rs.getString(1));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
