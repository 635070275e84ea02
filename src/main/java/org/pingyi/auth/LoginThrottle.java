package org.pingyi.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.pingyi.http.AppError;

/**
 * Slows password guessing: after too many failures within a window, for one account or one address, password
 * checks are refused until the window ends. Counted in PostgreSQL so every instance sees the same count.
 *
 * <p>An attempt is counted before its password is hashed, not after: otherwise a burst of parallel guesses all
 * pass the check before the first failure is written, and each gets a hash. A failed check simply leaves its
 * attempt counted; a successful one gives it back ({@link #succeeded}). So attempts still being checked count too:
 * more than a limit's worth at the same moment are refused even with the right password, which takes a burst no
 * person signing in makes (a hash takes well under a second).
 */
final class LoginThrottle {
  static final int WINDOW_SECONDS = 15 * 60;
  /** Per account: a person mistyping does not reach it; a guesser does at once. */
  static final int ACCOUNT_LIMIT = 5;
  /** Per address: higher, because a whole office may sign in through one NAT address. */
  static final int ADDRESS_LIMIT = 30;

  /**
   * Counts one more attempt in the key's window (a new window if the old one is over) and returns the count with
   * it. The upsert locks the row until the transaction ends, so parallel attempts on one key are counted one
   * after another and each sees every attempt before it.
   */
  private static final String COUNT_ATTEMPT = """
      INSERT INTO login_failures AS f (key, failures, window_start) VALUES ($1, 1, now())
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN f.window_start <= now() - make_interval(secs => $2) THEN 1 ELSE f.failures + 1 END,
        window_start = CASE WHEN f.window_start <= now() - make_interval(secs => $2) THEN now() ELSE f.window_start END
      RETURNING failures, window_start,
        ceil(extract(epoch FROM window_start + make_interval(secs => $2) - now()))::int AS wait""";
  private static final String CLEAR = "DELETE FROM login_failures WHERE key = $1";
  /** Only within the window the attempt was counted in: a newer window never held it. */
  private static final String GIVE_BACK = """
      UPDATE login_failures SET failures = failures - 1
      WHERE key = $1 AND window_start = $2 AND failures > 0""";

  /** An attempt counted against both limits; the address's window is kept to give the attempt back. */
  record Attempt(String username, String address, OffsetDateTime addressWindow) {
  }

  /**
   * Counts an attempt for the account and the address, or fails with 429 (and the seconds to wait) if either is
   * over its limit; a refused attempt is rolled back and counts for neither. Rows are always locked account
   * first, then address, so two attempts never wait for each other in a cycle.
   */
  Future<Attempt> reserve(Pool pool, String username, String address, String refusal) {
    return pool.withTransaction(tx -> count(tx, accountKey(username), ACCOUNT_LIMIT, refusal)
        .compose(accountWindow -> count(tx, addressKey(address), ADDRESS_LIMIT, refusal))
        .map(addressWindow -> new Attempt(username, address, addressWindow)));
  }

  /**
   * After the right password: the account's count starts again (the failures were not consecutive), and the
   * address gets this attempt back, so people signing in correctly behind one address never lock it.
   */
  Future<Void> succeeded(SqlClient client, Attempt attempt) {
    return client.preparedQuery(CLEAR).execute(Tuple.of(accountKey(attempt.username())))
        .compose(v -> client.preparedQuery(GIVE_BACK)
            .execute(Tuple.of(addressKey(attempt.address()), attempt.addressWindow())))
        .mapEmpty();
  }

  private static Future<OffsetDateTime> count(SqlClient tx, String key, int limit, String refusal) {
    return tx.preparedQuery(COUNT_ATTEMPT).execute(Tuple.of(key, WINDOW_SECONDS)).compose(rows -> {
      Row row = rows.iterator().next();
      if (row.getInteger("failures") > limit) {
        // now() is each transaction's start: one that began just before the window's opener can compute a wait a
        // second longer than the window itself, so the wait is capped at the window.
        int wait = Math.min(WINDOW_SECONDS, Math.max(1, row.getInteger("wait")));
        return Future.failedFuture(AppError.tooManyRequests(refusal, wait));
      }
      return Future.succeededFuture(row.getOffsetDateTime("window_start"));
    });
  }

  private static String accountKey(String username) {
    return "user:" + username.toLowerCase(Locale.ROOT);
  }

  private static String addressKey(String address) {
    return "addr:" + address;
  }
}
