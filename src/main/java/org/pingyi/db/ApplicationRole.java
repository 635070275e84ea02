package org.pingyi.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;

/**
 * The role Pingyi's server runs as on its embedded PostgreSQL: no superuser, no role or database creation, no
 * predefined roles (pg_execute_server_program, pg_read_server_files...). It owns the application's tables, so that
 * it can VACUUM the ballot box, but not the audit log, on which it may only read and append: the audit log, and
 * the trigger functions that keep it append-only, belong to the superuser, so the server's role can neither change
 * audit rows nor disable or replace their triggers.
 */
final class ApplicationRole {
  static final String NAME = EmbeddedPasswords.APPLICATION;

  /** Every role this one belongs to is revoked: a role created by hand with more powers loses them. */
  private static final String ENSURE = """
      DO $$
      DECLARE m record;
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = '%1$s') THEN
          CREATE ROLE %1$s LOGIN;
        END IF;
        ALTER ROLE %1$s WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
        FOR m IN SELECT g.rolname FROM pg_catalog.pg_auth_members a JOIN pg_catalog.pg_roles g ON g.oid = a.roleid
                 WHERE a.member = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = '%1$s') LOOP
          EXECUTE pg_catalog.format('REVOKE %%I FROM %1$s', m.rolname);
        END LOOP;
      END $$""".formatted(NAME);

  /**
   * Run by the superuser in an application database, before and after migrations; idempotent. Tables, views and
   * free-standing sequences go to the application role (identity sequences follow their table), except the audit
   * log (which pingyi may read and append to, and whose id sequence it may read for pg_dump); functions go to the
   * superuser. Before migrations it moves a database written by an older Pingyi (every table the superuser's);
   * after, it takes the audit log back from a fresh database's first migration.
   */
  private static final String HAND_OVER = """
      DO $$
      DECLARE r record;
      BEGIN
        FOR r IN SELECT c.oid::pg_catalog.regclass AS name FROM pg_catalog.pg_class c
                 JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
                   AND c.relname <> 'audit_log' AND c.relowner <> '%1$s'::pg_catalog.regrole
                   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                                   AND d.objid = c.oid AND d.deptype IN ('a', 'i')) LOOP
          EXECUTE pg_catalog.format('ALTER TABLE %%s OWNER TO %1$s', r.name);
        END LOOP;
        FOR r IN SELECT p.oid::pg_catalog.regprocedure AS name FROM pg_catalog.pg_proc p
                 JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname = 'public' AND p.proowner <> CURRENT_USER::pg_catalog.regrole LOOP
          EXECUTE pg_catalog.format('ALTER ROUTINE %%s OWNER TO CURRENT_USER', r.name);
        END LOOP;
        IF pg_catalog.to_regclass('public.audit_log') IS NOT NULL THEN
          ALTER TABLE public.audit_log OWNER TO CURRENT_USER;
          REVOKE ALL ON public.audit_log FROM %1$s;
          GRANT SELECT, INSERT ON public.audit_log TO %1$s;
          -- pg_dump reads every sequence's last value: without this the server's role cannot take a backup.
          -- SELECT only reads it (as max(id) would); nextval and setval need USAGE and UPDATE, not granted.
          EXECUTE pg_catalog.format('GRANT SELECT ON SEQUENCE %%s TO %1$s',
                                    pg_catalog.pg_get_serial_sequence('public.audit_log', 'id'));
        END IF;
      END $$""".formatted(NAME);

  private ApplicationRole() {
  }

  /**
   * Creates or resets the role, with its password hashed (SCRAM) by the driver: the password itself never
   * reaches the server, so no statement log can show it.
   */
  static void ensure(DatabaseSettings superuser, String password) throws SQLException {
    try (Connection connection = connect(superuser); Statement statement = connection.createStatement()) {
      statement.execute(ENSURE);
      connection.unwrap(PGConnection.class).alterUserPassword(NAME, password.toCharArray(), "scram-sha-256");
    }
  }

  /**
   * Lets the application role create the tables of future migrations (which run as that role, so a superuser never
   * writes to tables the application role could have booby-trapped), and gives it what it owns.
   */
  static void handOver(DatabaseSettings superuser) throws SQLException {
    try (Connection connection = connect(superuser); Statement statement = connection.createStatement()) {
      // Nothing the application role may create in public is looked up by this superuser session.
      statement.execute("SET search_path = pg_catalog, pg_temp");
      statement.execute("GRANT USAGE, CREATE ON SCHEMA public TO " + NAME);
      statement.execute(HAND_OVER);
    }
  }

  private static Connection connect(DatabaseSettings settings) throws SQLException {
    return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
  }
}
