package org.pingyi.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops an embedded PostgreSQL left running by a Pingyi that was killed (kill -9, power loss of the JVM
 * only): otherwise it holds the data directory and the next start fails.
 */
final class OrphanPostmaster {
  private static final Logger LOG = LoggerFactory.getLogger(OrphanPostmaster.class);

  private OrphanPostmaster() {
  }

  static void stopIfRunning(Path dataDirectory) throws IOException {
    Optional<ProcessHandle> process = running(dataDirectory);
    if (process.isEmpty()) return;
    LOG.warn("Stopping the embedded PostgreSQL (pid {}) left running by an earlier Pingyi", process.get().pid());
    process.get().destroy();
    try {
      process.get().onExit().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.get().destroyForcibly();
    }
  }

  /** The postmaster that runs on this data directory, if one does (its pid file names a live postgres). */
  static Optional<ProcessHandle> running(Path dataDirectory) throws IOException {
    List<String> lines = pidFile(dataDirectory);
    if (lines.isEmpty()) return Optional.empty();
    return parsePid(lines.get(0)).flatMap(ProcessHandle::of).filter(OrphanPostmaster::isPostgres);
  }

  /** The TCP port of the postmaster running on this data directory: the fourth line of its pid file. */
  static Optional<Integer> port(Path dataDirectory) throws IOException {
    if (running(dataDirectory).isEmpty()) return Optional.empty();
    List<String> lines = pidFile(dataDirectory);
    return lines.size() < 4 ? Optional.empty() : parsePid(lines.get(3)).map(Long::intValue);
  }

  private static List<String> pidFile(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    return Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
  }

  private static Optional<Long> parsePid(String line) {
    try {
      return Optional.of(Long.parseLong(line.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process.info().command().map(c -> c.endsWith("/postgres")).orElse(false);
  }
}
