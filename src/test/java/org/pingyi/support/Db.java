package org.pingyi.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.pingyi.crypto.StoredSecrets;
import org.pingyi.db.DatabaseSettings;

/** Plain JDBC reads of the test database, to check what the server really stored. */
public final class Db {
  private final DatabaseSettings settings;

  public Db(DatabaseSettings settings) {
    this.settings = settings;
  }

  /**
   * Every ballot cast, whether still held in the ballot box or already mixed into {@code ballots}: write
   * {@code FROM cast_ballots} in a query to read them.
   */
  private static final String CAST_BALLOTS = """
      (SELECT event_id, category_code, channel, unreadable, answers, receipt_sha256 FROM ballots
       UNION ALL SELECT event_id, category_code, channel, unreadable, answers, receipt_sha256 FROM held_ballots)
      AS cast_ballots""";

  public long count(String sql, Object... params) {
    return Long.parseLong(strings(sql, params).get(0));
  }

  /**
   * The first column of every row of each query, all read from one snapshot (REPEATABLE READ): what one query
   * reads cannot have moved on by the next, even with the ballot box's mixer committing meanwhile.
   */
  public List<List<String>> snapshot(List<String> sqls, Object... params) {
    try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      List<List<String>> results = new ArrayList<>();
      for (String sql : sqls) {
        try (PreparedStatement s = c.prepareStatement(sql.replace("FROM cast_ballots", "FROM " + CAST_BALLOTS))) {
          for (int i = 0; i < params.length; i++) s.setObject(i + 1, params[i]);
          List<String> values = new ArrayList<>();
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) values.add(rs.getString(1));
          }
          results.add(values);
        }
      }
      c.rollback();
      return results;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The state of the slip with this token, found by the token's hash as the server stores it. */
  public String slipState(String token) {
    return strings("SELECT state FROM slips WHERE token_sha256 = ?", StoredSecrets.hash(token)).get(0);
  }

  /** Every ballot cast in the event, still held in the ballot box or mixed. */
  public long castBallots(String eventId) {
    return count("SELECT count(*) FROM cast_ballots WHERE event_id = ?", UUID.fromString(eventId));
  }

  /** A connection of the test's own, e.g. to hold a lock the server must wait for; the caller closes it. */
  public Connection connect() {
    try {
      return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first column of every row, as text. */
  public List<String> strings(String sql, Object... params) {
    try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
         PreparedStatement s = c.prepareStatement(sql.replace("FROM cast_ballots", "FROM " + CAST_BALLOTS))) {
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
