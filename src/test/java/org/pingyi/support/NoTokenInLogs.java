package org.pingyi.support;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.pingyi.http.RequestLog;

/**
 * Registered for every test class (junit-platform.properties): after each class, no slip token seen so far
 * in the run may appear in any log line written during that class. Over a whole run this proves that the
 * server never logs a token, whatever path (page, API, error, stack trace) a request took.
 */
public final class NoTokenInLogs implements AfterAllCallback {
  private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9_-]{16,64}");

  @Override
  public void afterAll(ExtensionContext context) throws InterruptedException {
    // Access lines are written after their answers, on the log's own thread: the class's last ones may still be
    // on their way.
    if (!RequestLog.awaitWritten(Duration.ofSeconds(10))) {
      throw new AssertionError("the access log did not catch up within 10 s after " + context.getDisplayName());
    }
    List<String> lines = LogCapture.drain();
    for (String line : lines) {
      Matcher m = TOKEN_LIKE.matcher(line);
      while (m.find()) {
        if (IssuedTokens.contains(m.group())) {
          throw new AssertionError("a slip token was written to the log during " + context.getDisplayName()
              + ": " + line.replace(m.group(), "<token>"));
        }
      }
    }
  }
}
