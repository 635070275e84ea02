package org.pingyi.db;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the role Pingyi connects to an external PostgreSQL with: a superuser (or a role with a superuser's
 * reach) can bypass the audit log's append-only triggers, read every secret and run programs on the database
 * host, so anyone who got hold of the server's connection could too. Warned about loudly, not refused: existing
 * installations keep starting while their operators set up the roles the README recommends.
 */
public final class DatabaseRole {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseRole.class);
  private static final String POWERS = """
      SELECT r.rolsuper, r.rolcreaterole, r.rolbypassrls, r.rolreplication,
             pg_has_role(current_user, 'pg_execute_server_program', 'USAGE') AS execute_program,
             pg_has_role(current_user, 'pg_read_server_files', 'USAGE') AS read_files,
             pg_has_role(current_user, 'pg_write_server_files', 'USAGE') AS write_files
      FROM pg_roles r WHERE r.rolname = current_user""";
  private static final String[] NAMES = {"SUPERUSER", "CREATEROLE", "BYPASSRLS", "REPLICATION",
      "pg_execute_server_program", "pg_read_server_files", "pg_write_server_files"};

  private DatabaseRole() {
  }

  /** The powers the connected role should not have; empty for a well set-up runtime role. */
  public static List<String> excessPowers(DatabaseSettings settings) throws SQLException {
    try (var connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
         var rows = connection.createStatement().executeQuery(POWERS)) {
      List<String> powers = new ArrayList<>();
      if (rows.next()) {
        for (int i = 0; i < NAMES.length; i++) {
          if (rows.getBoolean(i + 1)) powers.add(NAMES[i]);
        }
      }
      return powers;
    }
  }

  /** On the log and on stderr, where an operator starting the jar by hand sees it. */
  public static void warnIfPrivileged(DatabaseSettings settings) {
    List<String> powers;
    try {
      powers = excessPowers(settings);
    } catch (SQLException e) {
      LOG.debug("Could not check the database role's powers: {}", e.getMessage());
      return;
    }
    if (powers.isEmpty()) return;
    String warning = "警告 / WARNING: Pingyi connects to PostgreSQL as " + settings.user() + ", which has "
        + String.join(", ", powers) + ". Whoever obtains this connection can rewrite the audit log, read the"
        + " login signing key or run programs on the database host. 请按 README“数据库账户与安全”一节改用普通角色 /"
        + " use an ordinary role as the README's section on database roles describes.";
    LOG.warn(warning);
    System.err.println(warning);
  }
}
