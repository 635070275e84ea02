package org.pingyi.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;

/**
 * Slows password guessing: after too many failures within a window, for one account or one address,
 * sign-in is refused until the window ends. Counted in PostgreSQL so every instance sees the same count.
 */
final class LoginThrottle {
  static final int WINDOW_SECONDS = 15 * 60;
  /** Per account: a person mistyping does not reach it; a guesser does at once. */
  static final int ACCOUNT_LIMIT = 5;
  /** Per address: higher, because a whole office may sign in through one NAT address. */
  static final int ADDRESS_LIMIT = 30;

  private static final String SECONDS_LOCKED = """
      SELECT ceil(extract(epoch FROM max(window_start) + make_interval(secs => $3) - now()))::int AS wait
      FROM login_failures
      WHERE window_start > now() - make_interval(secs => $3)
        AND ((key = $1 AND failures >= $4) OR (key = $2 AND failures >= $5))""";
  private static final String RECORD_FAILURE = """
      INSERT INTO login_failures AS f (key, failures, window_start) VALUES ($1, 1, now())
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN f.window_start <= now() - make_interval(secs => $2) THEN 1 ELSE f.failures + 1 END,
        window_start = CASE WHEN f.window_start <= now() - make_interval(secs => $2) THEN now() ELSE f.window_start END""";
  private static final String CLEAR = "DELETE FROM login_failures WHERE key = $1";

  /** Seconds until sign-in is allowed again, if it is refused now. */
  Future<Optional<Integer>> lockedFor(SqlClient client, String username, String address) {
    return client.preparedQuery(SECONDS_LOCKED)
        .execute(Tuple.of(accountKey(username), addressKey(address), WINDOW_SECONDS, ACCOUNT_LIMIT, ADDRESS_LIMIT))
        .map(rows -> Optional.ofNullable(rows.iterator().next().getInteger("wait")).map(s -> Math.max(1, s)));
  }

  Future<Void> recordFailure(SqlClient client, String username, String address) {
    return client.preparedQuery(RECORD_FAILURE)
        .executeBatch(java.util.List.of(Tuple.of(accountKey(username), WINDOW_SECONDS),
            Tuple.of(addressKey(address), WINDOW_SECONDS)))
        .mapEmpty();
  }

  Future<Void> clearAccount(SqlClient client, String username) {
    return client.preparedQuery(CLEAR).execute(Tuple.of(accountKey(username))).mapEmpty();
  }

  private static String accountKey(String username) {
    return "user:" + username.toLowerCase(java.util.Locale.ROOT);
  }

  private static String addressKey(String address) {
    return "addr:" + address;
  }
}
