package org.pingyi.support;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;

/** Keeps every log line (with its stack trace) written since the last {@link #drain()}, for leak checks. */
public final class LogCapture extends AppenderBase<ILoggingEvent> {
  private static final List<String> LINES = new ArrayList<>();

  @Override
  protected void append(ILoggingEvent event) {
    String line = event.getLoggerName() + " " + event.getFormattedMessage();
    if (event.getThrowableProxy() != null) line += "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
    synchronized (LINES) {
      LINES.add(line);
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
      return lines;
    }
  }
}
