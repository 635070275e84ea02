package org.pingyi.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access log. It never records the client's address, and it masks anything in a path that could be a slip
 * token or a screen key, so the log cannot tie a voter's phone to a slip or a moment of voting.
 */
public final class RequestLog implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger("access");
  /**
   * A percent-escape, or a run of URL-safe base64 long enough to be a slip token or a screen key (27 characters
   * each; anything from 16 up, so that a token with more glued to it is masked whole). An escape is matched on
   * its own so that it ends a run: /v%2f&lt;token&gt; masks the token and keeps the %2f. A file name that long
   * (ballot-recommendation.js) is masked as well: a guess at what looks random would one day let a token through.
   */
  private static final Pattern ESCAPE_OR_RUN = Pattern.compile("%[0-9A-Fa-f]{2}|[A-Za-z0-9_-]{16,}");
  /** Event, form and account ids are UUIDs, which no token is (27 characters, not 36): they stay readable. */
  private static final Pattern UUID = Pattern.compile(
      "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");
  private static final Pattern ENCODED_UNRESERVED = Pattern.compile("%(?:[46][1-9A-Fa-f]|[57][0-9Aa]|3[0-9]|2[Dd]|5[Ff])");

  /**
   * The feedback box's public addresses (its page and scripts, its API, the follow-up look-up) are not logged at
   * all: a line's time would say when someone opened a box or wrote to it, and on a quiet day that is the message.
   */
  private static final Pattern UNLOGGED = Pattern.compile("^/(?:f(?:/.*)?|feedback/.*|api/f/.*|api/followup)$");

  /**
   * Lines waiting for the log's own thread: the event loop only notes what happened, and the masking and the
   * formatting (logback formats a line on the thread that logs it, even with its AsyncAppender) happen there.
   * When the queue is full (the output cannot keep up), lines are dropped, as the AsyncAppender drops INFO lines.
   */
  private static final BlockingQueue<Line> LINES = new ArrayBlockingQueue<>(8192);
  /** Lines dropped since the last one written: said in the log, so a gap in it is never silent. */
  private static final AtomicLong DROPPED = new AtomicLong();
  /** Lines queued, and lines handled by the writer (written or lost), since start: see {@link #awaitWritten}. */
  private static final AtomicLong QUEUED = new AtomicLong();
  private static final AtomicLong HANDLED = new AtomicLong();

  static {
    Thread writer = new Thread(RequestLog::write, "pingyi-access-log");
    writer.setDaemon(true);
    writer.start();
  }

  private record Line(HttpMethod method, String path, int status, long millis) {
  }

  @Override
  public void handle(RoutingContext ctx) {
    String path = routedPath(ctx);
    if (unlogged(path)) {
      ctx.next();
      return;
    }
    long start = System.nanoTime();
    ctx.addBodyEndHandler(ignored -> {
      if (LINES.offer(new Line(ctx.request().method(), path, ctx.response().getStatusCode(),
          (System.nanoTime() - start) / 1_000_000))) {
        QUEUED.incrementAndGet();
      } else {
        DROPPED.incrementAndGet();
      }
    });
    ctx.next();
  }

  private static void write() {
    while (true) {
      try {
        Line line = LINES.take();
        try {
          long dropped = DROPPED.getAndSet(0);
          if (dropped > 0) LOG.warn("{} access log lines dropped: the log could not keep up", dropped);
          LOG.info("{} {} {} {}ms", line.method(), masked(line.path()), line.status(), line.millis());
        } finally {
          HANDLED.incrementAndGet();
        }
      } catch (InterruptedException e) {
        return;
      } catch (Throwable e) {
        // A line that cannot be written is lost, never the log (an Error here would silence it for good).
      }
    }
  }

  /**
   * Waits until every line queued so far has been written, at most {@code timeout}: the lines are written after
   * their answers, so whoever reads the log right after some requests (the tests that check no token is in it)
   * waits for this first. True if they all were.
   */
  public static boolean awaitWritten(Duration timeout) throws InterruptedException {
    long queued = QUEUED.get();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (HANDLED.get() < queued) {
      if (System.nanoTime() > deadline) return false;
      Thread.sleep(5);
    }
    return true;
  }

  /** {@link #UNLOGGED} without a matcher per request: the test is cheap when it fails, as it does for ballots. */
  static boolean unlogged(String path) {
    return (path.startsWith("/f") || path.startsWith("/api/f")) && UNLOGGED.matcher(path).matches();
  }

  /**
   * The request path as routed, without the query string, with every token-like part masked whatever the route
   * or its outcome: a mistyped /V/&lt;token&gt; or /v%2f&lt;token&gt; is a 404, and its token is as secret.
   */
  public static String safePath(RoutingContext ctx) {
    return masked(routedPath(ctx));
  }

  /**
   * The path with each token-like run replaced by ***. Encoded letters and digits are decoded first (the router
   * does so too, but not for a path it cannot decode), so that %41 cannot split a token into harmless pieces.
   */
  static String masked(String path) {
    Matcher m = ESCAPE_OR_RUN.matcher(decodeUnreserved(path));
    StringBuilder out = new StringBuilder(path.length());
    while (m.find()) {
      String found = m.group();
      boolean keep = found.charAt(0) == '%' || UUID.matcher(found).matches();
      m.appendReplacement(out, keep ? Matcher.quoteReplacement(found) : "***");
    }
    return m.appendTail(out).toString();
  }

  private static String decodeUnreserved(String path) {
    if (path.indexOf('%') < 0) return path;
    return ENCODED_UNRESERVED.matcher(path)
        .replaceAll(escape -> String.valueOf((char) Integer.parseInt(escape.group().substring(1), 16)));
  }

  /** The path the router matches; for an address that cannot be decoded (a stray %), the raw path. */
  static String routedPath(RoutingContext ctx) {
    try {
      return ctx.normalizedPath();
    } catch (RuntimeException undecodable) {
      return ctx.request().path();
    }
  }
}
