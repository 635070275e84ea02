package org.pingyi.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The way into an embedded PostgreSQL that a running Pingyi server started, for an operator's command run beside
 * it (a backup during voting): its port is in the postmaster's pid file, its passwords in the 0600 file, both in
 * the data directory that only the server's OS user can enter, so only that user (or root) gets this far.
 */
public final class RunningEmbedded {
  private RunningEmbedded() {
  }

  /** Whether this directory holds an embedded PostgreSQL's data at all. */
  public static boolean exists(Path dataDirectory) {
    return Files.exists(dataDirectory.resolve("PG_VERSION"));
  }

  /** The superuser on the application database of the PostgreSQL running on this directory, if one runs. */
  public static Optional<DatabaseSettings> superuser(Path dataDirectory) throws IOException {
    Path data = dataDirectory.toAbsolutePath().normalize();
    Optional<Integer> port = OrphanPostmaster.port(data);
    if (port.isEmpty()) return Optional.empty();
    EmbeddedPasswords passwords = EmbeddedPasswords.read(data).orElseThrow(() -> new IOException(
        "the embedded PostgreSQL in " + data + " runs but " + EmbeddedPasswords.FILE + " is missing"));
    return Optional.of(new DatabaseSettings("localhost", port.get(), EmbeddedDatabase.DATABASE,
        EmbeddedPasswords.ADMIN, passwords.admin()));
  }
}
