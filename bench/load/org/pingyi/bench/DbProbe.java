package org.pingyi.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Reads PostgreSQL's side of the benchmark over JDBC, between phases only (never while measuring): the WAL
 * position, so the shell script can count commit records with pg_waldump, and the stored ballots and used
 * slips, so the accepted count is checked against what was really written.
 */
final class DbProbe {
  private final String jdbcUrl;
  private final String user;

  DbProbe(String host, int port, String database, String user) {
    this.jdbcUrl = "jdbc:postgresql://" + host + ":" + port + "/" + database;
    this.user = user;
  }

  String walLsn() {
    return string("SELECT pg_current_wal_insert_lsn()::text", null);
  }

  /** Asks for a checkpoint, so that each measured phase starts from the same state of dirty pages. */
  void checkpoint() {
    string("CHECKPOINT", null);
  }

  long ballots(String eventId) {
    return Long.parseLong(string("SELECT count(*)::text FROM ballots WHERE event_id = ?", eventId));
  }

  long usedSlips(String eventId) {
    return Long.parseLong(string("SELECT count(*)::text FROM slips WHERE event_id = ? AND state = 'used'", eventId));
  }

  /** One stored ballot's answers as PostgreSQL holds them (normalised), for pgbench to insert the same. */
  String storedAnswers(String eventId) {
    return string("SELECT answers::text FROM ballots WHERE event_id = ? LIMIT 1", eventId);
  }

  private String string(String sql, String eventId) {
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, null);
         PreparedStatement s = c.prepareStatement(sql)) {
      if (eventId != null) s.setObject(1, UUID.fromString(eventId));
      if (!s.execute()) return null;
      try (ResultSet rows = s.getResultSet()) {
        return rows.next() ? rows.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
