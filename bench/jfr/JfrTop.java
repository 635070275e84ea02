import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Sums a flight recording of the server (bench/README.md, issue 13) into the tables the profile section shows:
 * CPU samples by self frame and by inclusive frame (within org.pingyi, io.vertx, io.netty and Jackson), and the
 * sampled allocation weight by class, by allocating frame and by the innermost org.pingyi frame, per thread and in
 * all; optionally only between two moments (the phase marks of bench/lib.sh, epoch milliseconds).
 *
 *   java bench/jfr/JfrTop.java target/prof/run.jfr [from-ms to-ms] [rows]
 */
public final class JfrTop {
  private static final String[] OURS = {"org.pingyi.", "io.vertx.", "io.netty.", "com.fasterxml.", "ch.qos.logback."};

  public static void main(String[] args) throws IOException {
    long from = args.length > 2 ? Long.parseLong(args[1]) : Long.MIN_VALUE;
    long to = args.length > 2 ? Long.parseLong(args[2]) : Long.MAX_VALUE;
    int rows = args.length > 3 ? Integer.parseInt(args[3]) : 30;
    Map<String, Long> self = new HashMap<>();
    Map<String, Long> inclusive = new HashMap<>();
    Map<String, Long> cpuOurs = new HashMap<>();
    Map<String, Long> cpuOursInclusive = new HashMap<>();
    Map<String, Long> byThread = new HashMap<>();
    Map<String, Long> allocClass = new HashMap<>();
    Map<String, Long> allocTop = new HashMap<>();
    Map<String, Long> allocOurs = new HashMap<>();
    Map<String, Long> allocInclusive = new HashMap<>();
    Map<String, Long> allocThread = new HashMap<>();
    Map<String, long[]> threadAllocated = new HashMap<>();
    long samples = 0;
    long allocated = 0;
    long gcNanos = 0;
    int gcs = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
      long at = e.getStartTime().toEpochMilli();
      if (at < from || at > to) continue;
      switch (e.getEventType().getName()) {
        case "jdk.ExecutionSample" -> {
          samples++;
          RecordedStackTrace stack = e.getStackTrace();
          byThread.merge(threadName(e.getThread("sampledThread")), 1L, Long::sum);
          if (stack == null || stack.getFrames().isEmpty()) continue;
          self.merge(frame(stack.getFrames().get(0)), 1L, Long::sum);
          Set<String> seen = new HashSet<>();
          String innermost = null;
          for (RecordedFrame f : stack.getFrames()) {
            String name = frame(f);
            if (ours(name) && seen.add(name)) inclusive.merge(name, 1L, Long::sum);
            if (name.startsWith("org.pingyi.")) {
              if (innermost == null) innermost = name;
              if (seen.add("+" + name)) cpuOursInclusive.merge(name, 1L, Long::sum);
            }
          }
          cpuOurs.merge(innermost == null ? "(no org.pingyi frame: " + layer(stack) + ")" : innermost, 1L, Long::sum);
        }
        case "jdk.ObjectAllocationSample" -> {
          long weight = e.getLong("weight");
          allocated += weight;
          allocClass.merge(e.getClass("objectClass").getName(), weight, Long::sum);
          allocThread.merge(threadName(e.getThread("eventThread")), weight, Long::sum);
          RecordedStackTrace stack = e.getStackTrace();
          if (stack == null || stack.getFrames().isEmpty()) continue;
          allocTop.merge(frame(stack.getFrames().get(0)), weight, Long::sum);
          Set<String> seen = new HashSet<>();
          boolean first = true;
          for (RecordedFrame f : stack.getFrames()) {
            String name = frame(f);
            if (first && name.startsWith("org.pingyi.")) {
              allocOurs.merge(name, weight, Long::sum);
              first = false;
            }
            if (ours(name) && seen.add(name)) allocInclusive.merge(name, weight, Long::sum);
          }
        }
        case "jdk.ThreadAllocationStatistics" -> {
          String name = threadName(e.getThread("thread"));
          long bytes = e.getLong("allocated");
          long[] seen = threadAllocated.computeIfAbsent(name, n -> new long[] {bytes, bytes});
          seen[0] = Math.min(seen[0], bytes);
          seen[1] = Math.max(seen[1], bytes);
        }
        case "jdk.GarbageCollection" -> {
          gcs++;
          gcNanos += e.getDuration("sumOfPauses").toNanos();
        }
        default -> {
        }
      }
    }
    System.out.printf("window %s .. %s: %d CPU samples, %.0f MB sampled allocation weight, %d collections, %.2f s of pauses%n",
        from == Long.MIN_VALUE ? "start" : Instant.ofEpochMilli(from), to == Long.MAX_VALUE ? "end" : Instant.ofEpochMilli(to),
        samples, allocated / 1e6, gcs, gcNanos / 1e9);
    print("CPU samples by thread", byThread, samples, rows, 1);
    print("CPU: self frames", self, samples, rows, 1);
    print("CPU: inclusive frames (org.pingyi, io.vertx, io.netty, Jackson, logback)", inclusive, samples, rows, 1);
    print("CPU: innermost org.pingyi frame (else the layer of the outermost Vert.x handler)", cpuOurs, samples, rows, 1);
    print("CPU: inclusive org.pingyi frames", cpuOursInclusive, samples, rows, 1);
    print("allocation weight (MB) by thread", allocThread, allocated, rows, 1e6);
    print("allocation weight (MB) by class", allocClass, allocated, rows, 1e6);
    print("allocation weight (MB) by allocating frame", allocTop, allocated, rows, 1e6);
    print("allocation weight (MB) by innermost org.pingyi frame", allocOurs, allocated, rows, 1e6);
    print("allocation weight (MB) by inclusive frame", allocInclusive, allocated, rows, 1e6);
    Map<String, Long> growth = new HashMap<>();
    threadAllocated.forEach((name, range) -> growth.merge(name, range[1] - range[0], Long::sum));
    long total = growth.values().stream().mapToLong(Long::longValue).sum();
    print("allocated bytes (MB) by thread, ThreadAllocationStatistics in the window", growth, total, rows, 1e6);
  }

  /** For a sample outside the application's code: which part of the stack it ran in. */
  private static String layer(RecordedStackTrace stack) {
    for (RecordedFrame f : stack.getFrames()) {
      String name = frame(f);
      if (name.startsWith("io.vertx.pgclient.") || name.startsWith("io.vertx.sqlclient.")) return "pg client";
      if (name.startsWith("io.vertx.ext.web.")) return "vertx-web";
      if (name.startsWith("io.vertx.core.http.")) return "vertx http";
      if (name.startsWith("io.vertx.micrometer.") || name.startsWith("io.micrometer.")) return "metrics";
      if (name.startsWith("ch.qos.logback.")) return "logback";
    }
    String top = frame(stack.getFrames().get(0));
    return top.startsWith("io.netty.") ? "netty" : "other: " + top;
  }

  private static boolean ours(String frame) {
    for (String prefix : OURS) if (frame.startsWith(prefix)) return true;
    return false;
  }

  private static String frame(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }

  /** Event loops and workers by their pool, not one row each. */
  private static String threadName(RecordedThread thread) {
    if (thread == null) return "?";
    String name = thread.getJavaName() == null ? thread.getOSName() : thread.getJavaName();
    return name == null ? "?" : name.replaceAll("-\\d+$", "-N");
  }

  private static void print(String title, Map<String, Long> counts, long total, int rows, double unit) {
    System.out.printf("%n== %s (total %.0f)%n", title, total / unit);
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    for (Map.Entry<String, Long> entry : sorted.subList(0, Math.min(rows, sorted.size()))) {
      System.out.printf("%10.1f %5.1f%%  %s%n", entry.getValue() / unit, 100.0 * entry.getValue() / Math.max(total, 1),
          entry.getKey());
    }
  }
}
