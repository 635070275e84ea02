package org.pingyi.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the machine's CPU went during a phase, read from /proc (Linux): the Pingyi server, PostgreSQL (the
 * postmaster, its live children, and through cutime/cstime the children that exited), this load client, and
 * everything else. Values are clock ticks (USER_HZ, 100 a second on Linux).
 */
final class CpuMeter {
  static final double TICKS_PER_SECOND = 100.0;

  /** Cumulative CPU ticks at one moment. */
  record Sample(long server, long postgres, long client, long machineBusy, long nanos) {
    Sample minus(Sample before) {
      return new Sample(server - before.server, postgres - before.postgres, client - before.client,
          machineBusy - before.machineBusy, nanos - before.nanos);
    }

    /** Average cores in use over the interval. */
    double cores(long ticks) {
      return ticks / TICKS_PER_SECOND / (nanos / 1e9);
    }

    long others() {
      return machineBusy - server - postgres - client;
    }
  }

  private final long serverPid;
  private final long postmasterPid;

  CpuMeter(long serverPid, long postmasterPid) {
    this.serverPid = serverPid;
    this.postmasterPid = postmasterPid;
  }

  Sample sample() {
    return new Sample(ticks(serverPid, false), postgres(), ticks(ProcessHandle.current().pid(), false), machineBusy(),
        System.nanoTime());
  }

  private long postgres() {
    if (postmasterPid <= 0) return 0;
    long total = ticks(postmasterPid, true);
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path proc : procs) {
        String[] f = statFields(Long.parseLong(proc.getFileName().toString()));
        // Field 4 of /proc/<pid>/stat is the parent's pid; f[0] here is field 3 (the state).
        if (f != null && Long.parseLong(f[1]) == postmasterPid) total += Long.parseLong(f[11]) + Long.parseLong(f[12]);
      }
    } catch (IOException e) {
      return 0;
    }
    return total;
  }

  /** utime + stime of a process, plus the time of its exited children if asked. */
  private static long ticks(long pid, boolean withExitedChildren) {
    String[] f = statFields(pid);
    if (f == null) return 0;
    long own = Long.parseLong(f[11]) + Long.parseLong(f[12]);
    return withExitedChildren ? own + Long.parseLong(f[13]) + Long.parseLong(f[14]) : own;
  }

  /** The fields of /proc/<pid>/stat after the command name, from field 3 (state) on; null if gone. */
  private static String[] statFields(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static long machineBusy() {
    try {
      String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      // user nice system idle iowait irq softirq steal: all but idle (4) and iowait (5).
      for (int i = 1; i <= 8 && i < cpu.length; i++) if (i != 4 && i != 5) busy += Long.parseLong(cpu[i]);
      return busy;
    } catch (IOException e) {
      return 0;
    }
  }
}
