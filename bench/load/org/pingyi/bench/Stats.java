package org.pingyi.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one phase of load measured: every latency (in microseconds, kept whole so percentiles are exact, not
 * bucketed), a count per HTTP status, and a count per transport failure. Not thread-safe: each event loop
 * fills its own, and they are merged once the phase is over.
 */
final class Stats {
  private long[] latencies;
  private int size;
  private final int[] statuses = new int[600];
  private final Map<String, Integer> failures = new TreeMap<>();

  Stats(int expected) {
    latencies = new long[Math.max(expected, 1024)];
  }

  void response(int status, long micros) {
    add(micros);
    statuses[status]++;
  }

  void failure(Throwable cause, long micros) {
    add(micros);
    failures.merge(cause.getClass().getSimpleName(), 1, Integer::sum);
  }

  private void add(long micros) {
    if (size == latencies.length) latencies = Arrays.copyOf(latencies, size * 2);
    latencies[size++] = micros;
  }

  static Stats merge(Iterable<Stats> parts) {
    Stats all = new Stats(0);
    for (Stats part : parts) {
      for (int i = 0; i < part.size; i++) all.add(part.latencies[i]);
      for (int s = 0; s < 600; s++) all.statuses[s] += part.statuses[s];
      part.failures.forEach((k, v) -> all.failures.merge(k, v, Integer::sum));
    }
    Arrays.sort(all.latencies, 0, all.size);
    return all;
  }

  int requests() {
    return size;
  }

  int withStatus(int status) {
    return statuses[status];
  }

  /** Every answer that is not the expected status, by status, and every transport failure, by kind. */
  Map<String, Integer> unexpected(int expected) {
    Map<String, Integer> other = new TreeMap<>();
    for (int s = 0; s < 600; s++) {
      if (s != expected && statuses[s] > 0) other.put(String.valueOf(s), statuses[s]);
    }
    failures.forEach((k, v) -> other.put("transport:" + k, v));
    return other;
  }

  int unexpectedCount(int expected) {
    return unexpected(expected).values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The latency at this percentile, in milliseconds (nearest-rank, over the merged, sorted latencies). */
  double percentileMs(double percentile) {
    if (size == 0) return Double.NaN;
    int rank = (int) Math.ceil(percentile / 100.0 * size);
    return latencies[Math.min(size - 1, Math.max(0, rank - 1))] / 1000.0;
  }

  double maxMs() {
    return size == 0 ? Double.NaN : latencies[size - 1] / 1000.0;
  }
}
