package org.pingyi.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every slip token the tests have seen (in a CSV, a decoded QR code, a requested path) during this run. */
public final class IssuedTokens {
  private static final Pattern VOTING_PATH = Pattern.compile("/v/([A-Za-z0-9_-]{16,64})");
  private static final Set<String> TOKENS = ConcurrentHashMap.newKeySet();

  private IssuedTokens() {
  }

  /** Registers the token of every voting address in the text. */
  public static void registerFrom(String text) {
    Matcher m = VOTING_PATH.matcher(text);
    while (m.find()) TOKENS.add(m.group(1));
  }

  public static boolean contains(String candidate) {
    return TOKENS.contains(candidate);
  }

  public static int count() {
    return TOKENS.size();
  }
}
