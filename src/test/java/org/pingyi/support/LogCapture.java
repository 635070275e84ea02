package org.pingyi.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;

/** Keeps every log line (with its stack trace) written since the last {@link #drain()}, for leak checks. */
public final class LogCapture extends AppenderBase<ILoggingEvent> {
  private static final List<String> LINES = new ArrayList<>();
  /** The lines at WARN or above, or with a stack trace: what an operator would be alarmed by. */
  private static final List<String> ALARMS = new ArrayList<>();

  @Override
  protected void append(ILoggingEvent event) {
    String line = event.getLoggerName() + " " + event.getFormattedMessage();
    if (event.getThrowableProxy() != null) line += "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
    boolean alarming = event.getLevel().isGreaterOrEqual(Level.WARN) || event.getThrowableProxy() != null;
    synchronized (LINES) {
      LINES.add(line);
      if (alarming) ALARMS.add(event.getLevel() + " " + line);
    }
  }

  /** The alarming lines captured so far (kept, like {@link #lines()}); forgotten by {@link #drain()}. */
  public static List<String> alarms() {
    synchronized (LINES) {
      return new ArrayList<>(ALARMS);
    }
  }

  /** The lines captured so far, which are kept for the next {@link #drain()}. */
  public static List<String> lines() {
    synchronized (LINES) {
      return new ArrayList<>(LINES);
    }
  }

  /** The lines captured so far, which are then forgotten. */
  public static List<String> drain() {
    synchronized (LINES) {
      List<String> lines = new ArrayList<>(LINES);
      LINES.clear();
      ALARMS.clear();
      return lines;
    }
  }
}
