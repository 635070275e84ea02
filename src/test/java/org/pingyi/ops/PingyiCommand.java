package org.pingyi.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar pingyi.jar <args>} as an operator types it: a separate JVM through Main's own dispatch, on the
 * test's classpath (the jar is not built before the tests), with PINGYI_DATA_DIR set and, unless given, no DATABASE_URL.
 */
final class PingyiCommand {
  /** The exit code and everything the command printed (stdout and stderr, interleaved). */
  record Result(int exit, String output) {
  }

  private PingyiCommand() {
  }

  static Result run(Path dataDir, String... args) throws IOException, InterruptedException {
    return run(dataDir, Map.of(), args);
  }

  /** With these variables set too (DATABASE_URL for an external database). */
  static Result run(Path dataDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.pingyi.Main"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.equals("DATABASE_URL") || k.startsWith("PG"));
    builder.environment().put("PINGYI_DATA_DIR", dataDir.toString());
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("pingyi " + String.join(" ", args) + " did not finish:\n" + output);
    }
    return new Result(process.exitValue(), output);
  }

  /** Removes a passed test's directories: each holds one or two unpacked PostgreSQL installations (150 MB). */
  static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
