package org.pingyi.screen;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.pingyi.event.TallyChanges;
import org.pingyi.metrics.Measurements;

/**
 * The open tally streams of one server instance, per event. A change (announced through {@link TallyChanges}
 * by whichever instance committed it) marks the event; a short tick re-reads the marked events' tallies once,
 * encodes each snapshot once, and writes the same bytes to every screen watching. A screen that cannot keep
 * up skips snapshots instead of queueing them, so slow screens cost nothing to voting or to other screens.
 * A screen opened with a screen link is closed once its link is revoked (re-checked with every read), so a
 * revoked link stops showing results at once, not at its next reconnection.
 * Lives on one event loop (its verticle's); not thread-safe.
 */
final class LiveTally {
  /** How often marked events are re-read: a committed ballot reaches the screens within this plus a query. */
  static final long TICK_MS = 200;
  /** Re-read everything now and then too, in case a notification was lost with a connection. */
  private static final long REFRESH_MS = 10_000;
  private static final long HEARTBEAT_MS = 15_000;
  /**
   * What one instance writes to its screens per second, at most. A snapshot goes to every screen of its event,
   * so 9,400 screens of a tally of some kilobytes slowed voting fifteenfold on two cores (bench/screens.sh).
   * With 15 KB snapshots, up to about 900 screens per instance still get every tick and about 4,400 one
   * snapshot a second; beyond that, each screen's snapshots come less often, and voting keeps its cores.
   */
  static final long BROADCAST_BYTES_PER_SECOND = 64L * 1024 * 1024;

  private final Vertx vertx;
  private final Function<UUID, Future<Buffer>> snapshots;
  private final Function<UUID, Future<Set<UUID>>> validLinks;
  private final Map<UUID, Watch> watches = new HashMap<>();
  private final long[] timers = new long[3];
  private final Measurements measurements;
  /** The screens open, for the metrics: written on the event loop, read by the scrape's thread. */
  private volatile int open;
  private final IntSupplier openScreens = () -> open;

  private static final class Watch {
    final Set<HttpServerResponse> screens = new LinkedHashSet<>();
    /** The screens that came in with a screen link, and its id. */
    final Map<HttpServerResponse, UUID> links = new HashMap<>();
    boolean changed = true;
    boolean reading;
    Buffer last;
    /** When the next snapshot may go out (System.nanoTime), so that broadcasts stay within the byte budget. */
    long nextBroadcast;
  }

  LiveTally(Vertx vertx, Function<UUID, Future<Buffer>> snapshots, Function<UUID, Future<Set<UUID>>> validLinks,
            Measurements measurements) {
    this.vertx = vertx;
    this.snapshots = snapshots;
    this.validLinks = validLinks;
    this.measurements = measurements;
    measurements.countScreens(openScreens);
    timers[0] = vertx.setPeriodic(TICK_MS, id -> tick());
    timers[1] = vertx.setPeriodic(REFRESH_MS, id -> changedAll());
    timers[2] = vertx.setPeriodic(HEARTBEAT_MS, id -> heartbeat());
  }

  /** Starts streaming an event's tally to a response whose SSE headers are already written; link may be null. */
  void watch(UUID eventId, HttpServerResponse screen, UUID link) {
    Watch watch = watches.computeIfAbsent(eventId, id -> new Watch());
    watch.screens.add(screen);
    if (link != null) watch.links.put(screen, link);
    screen.closeHandler(v -> forget(eventId, screen));
    screen.exceptionHandler(e -> forget(eventId, screen));
    if (watch.last != null) screen.write(watch.last);
    watch.changed = true;
    open = screens();
  }

  void changed(UUID eventId) {
    Watch watch = watches.get(eventId);
    if (watch != null) watch.changed = true;
  }

  void changedAll() {
    watches.values().forEach(w -> w.changed = true);
  }

  int screens() {
    return watches.values().stream().mapToInt(w -> w.screens.size()).sum();
  }

  void stop() {
    for (long timer : timers) vertx.cancelTimer(timer);
    measurements.stopCountingScreens(openScreens);
    // Resetting a screen can run its close handler at once, which forgets it from the map: empty the map first.
    List<HttpServerResponse> open = watches.values().stream().flatMap(w -> w.screens.stream()).toList();
    watches.clear();
    open.forEach(HttpServerResponse::reset);
  }

  private void forget(UUID eventId, HttpServerResponse screen) {
    Watch watch = watches.get(eventId);
    if (watch == null) return;
    watch.screens.remove(screen);
    watch.links.remove(screen);
    if (watch.screens.isEmpty()) watches.remove(eventId);
    open = screens();
  }

  private void tick() {
    // Revoked links' streams are ended without their close handler: the count catches up here.
    open = screens();
    watches.forEach((eventId, watch) -> {
      if (!watch.changed || watch.reading || System.nanoTime() < watch.nextBroadcast) return;
      watch.changed = false;
      watch.reading = true;
      Future<Buffer> snapshot = snapshots.apply(eventId);
      // Only the link screens present when the check starts are judged by it: one that joins meanwhile may
      // hold a link created after the query ran, and waits for the next check.
      Map<HttpServerResponse, UUID> checked = new HashMap<>(watch.links);
      Future<Set<UUID>> links = checked.isEmpty() ? Future.succeededFuture(Set.of()) : validLinks.apply(eventId);
      Future.all(snapshot, links).onComplete(read -> {
        watch.reading = false;
        if (read.failed()) {
          // The database is away: no ballot can commit meanwhile, so the screens' last numbers stay true; try again.
          watch.changed = true;
          return;
        }
        closeRevoked(watch, checked, links.result());
        if (watch.screens.isEmpty()) {
          watches.remove(eventId, watch);
          return;
        }
        Buffer event = sseEvent(snapshot.result());
        if (!event.equals(watch.last)) {
          watch.last = event;
          broadcast(watch, event);
          watch.nextBroadcast = System.nanoTime() + pause(event.length(), watch.screens.size());
        }
      });
    });
  }

  /** Ends the streams of revoked links: the screen reconnects, is refused (401) and says its link was revoked. */
  private static void closeRevoked(Watch watch, Map<HttpServerResponse, UUID> checked, Set<UUID> valid) {
    List<HttpServerResponse> revoked = checked.entrySet().stream()
        .filter(e -> !valid.contains(e.getValue()) && watch.links.containsKey(e.getKey())).map(Map.Entry::getKey).toList();
    for (HttpServerResponse screen : revoked) {
      watch.screens.remove(screen);
      watch.links.remove(screen);
      screen.end();
    }
  }

  /** Nanoseconds until this event's next snapshot may go out, after sending one of this size to these screens. */
  static long pause(long bytes, int screens) {
    return (long) ((double) bytes * screens / BROADCAST_BYTES_PER_SECOND * 1e9);
  }

  private static void broadcast(Watch watch, Buffer event) {
    for (HttpServerResponse screen : watch.screens) {
      if (!screen.writeQueueFull()) {
        screen.write(event);
      } else {
        // Skipped: once its queue drains it gets the latest snapshot, so no screen stays on old numbers.
        screen.drainHandler(v -> screen.write(watch.last));
      }
    }
  }

  private void heartbeat() {
    Buffer ping = Buffer.buffer(": ping\n\n");
    watches.values().forEach(w -> w.screens.forEach(s -> {
      if (!s.writeQueueFull()) s.write(ping);
    }));
  }

  private static Buffer sseEvent(Buffer json) {
    return Buffer.buffer("event: tally\ndata: ").appendBuffer(json).appendString("\n\n");
  }
}
