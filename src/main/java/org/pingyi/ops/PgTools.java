package org.pingyi.ops;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.pingyi.db.DatabaseSettings;

/**
 * PostgreSQL's own client programs (pg_dump, pg_restore), found on this machine and run with a connection's
 * settings. zonky's embedded binaries hold only initdb, pg_ctl and postgres, so even the embedded database is
 * dumped with the system's client (Debian: postgresql-client-15), which must be at least the server's major version.
 */
final class PgTools {
  static final int MIN_MAJOR = 15;
  private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

  private PgTools() {
  }

  /** The newest usable program: Debian's versioned directories first (newest first), then the PATH. */
  static Path find(String program) {
    List<Path> candidates = new ArrayList<>(debianBinaries(program));
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isBlank()) candidates.add(Path.of(dir, program));
    }
    for (Path candidate : candidates) {
      if (Files.isExecutable(candidate) && major(candidate).filter(v -> v >= MIN_MAJOR).isPresent()) return candidate;
    }
    throw new CommandFailure("找不到 PostgreSQL " + MIN_MAJOR + " 或更新版本的 " + program
        + "（Debian/Ubuntu：apt install postgresql-client-" + MIN_MAJOR + "；或把它所在的目录加入 PATH）");
  }

  /**
   * Runs the program against the database: host, port, user and database as arguments, the password only in the
   * child's environment (never on a command line, which ps shows), and never a prompt. Returns its exit code;
   * its output goes to this process's terminal.
   */
  static int run(Path program, DatabaseSettings database, List<String> arguments) {
    List<String> command = new ArrayList<>(List.of(program.toString(), "--no-password",
        "--host=" + database.host(), "--port=" + database.port(), "--username=" + database.user()));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    Map<String, String> env = builder.environment();
    Stream.of("PGHOST", "PGHOSTADDR", "PGPORT", "PGUSER", "PGDATABASE", "PGPASSWORD", "PGSERVICE").forEach(env::remove);
    if (database.password() != null) env.put("PGPASSWORD", database.password());
    try {
      return builder.start().waitFor();
    } catch (IOException e) {
      throw new CommandFailure("无法运行 " + program + "：" + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailure(program.getFileName() + " 被中断", e);
    }
  }

  /** Whether pg_restore can read the archive's whole table of contents: a truncated or foreign file fails here. */
  static boolean readable(Path pgRestore, Path archive) {
    try {
      Process process = new ProcessBuilder(pgRestore.toString(), "--list", archive.toString())
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      return process.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static List<Path> debianBinaries(String program) {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) return List.of();
    try (Stream<Path> versions = Files.list(root)) {
      return versions.filter(v -> v.getFileName().toString().matches("\\d+"))
          .sorted(Comparator.comparing((Path v) -> Integer.parseInt(v.getFileName().toString())).reversed())
          .map(v -> v.resolve("bin").resolve(program)).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static Optional<Integer> major(Path program) {
    try {
      Process process = new ProcessBuilder(program.toString(), "--version").redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) return Optional.empty();
      Matcher m = VERSION.matcher(output);
      return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
