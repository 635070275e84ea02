package org.pingyi.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.pingyi.auditlog.AuditLog;
import org.pingyi.http.AppError;
import org.pingyi.http.ErrorCode;
import org.pingyi.staff.Account;
import org.pingyi.staff.AccountRepository;
import org.pingyi.staff.Role;
import org.pingyi.staff.Staff;

/** Sign-in, one's own password, and the first admin account. */
public final class AuthService {
  private final Vertx vertx;
  private final Pool pool;
  private final JWTAuth jwt;
  private final Duration sessionTtl;
  private final Clock clock;
  private final AuditLog audit;
  private final AccountRepository accounts = new AccountRepository();
  private final LoginThrottle throttle = new LoginThrottle();

  /** @param clock when a sign-in happens, which its token's lifetime counts from: the system's, in production */
  public AuthService(Vertx vertx, Pool pool, JWTAuth jwt, Duration sessionTtl, Clock clock, AuditLog audit) {
    this.vertx = vertx;
    this.pool = pool;
    this.jwt = jwt;
    this.sessionTtl = sessionTtl;
    this.clock = clock;
    this.audit = audit;
  }

  /** A signed token for a staff member. */
  public record Session(String token, Instant expiresAt, Staff staff) {
    public JsonObject toJson() {
      return new JsonObject().put("token", token).put("expiresAt", expiresAt.toString())
          .put("account", staff.toJson());
    }
  }

  /**
   * Counts the attempt before the password is hashed (see {@link LoginThrottle}), so a refused attempt costs no
   * hash; a failure leaves it counted, a success gives it back.
   */
  public Future<Session> login(String username, String password, String address) {
    return throttle.reserve(pool, username, address, "登录失败次数过多，请稍后再试")
        .compose(attempt -> accounts.findByUsername(pool, username)
            .compose(found -> checkPassword(found, password))
            .compose(this::requireActive)
            .compose(account -> succeed(account, attempt), failure -> fail(failure, username)));
  }

  /** The current password is a password guess like a sign-in, so it counts against the same limits. */
  public Future<Void> changeOwnPassword(Staff staff, String current, String replacement, String address) {
    return throttle.reserve(pool, staff.username(), address, "当前密码错误次数过多，请稍后再试")
        .compose(attempt -> accounts.findById(pool, staff.id())
            .compose(found -> checkPassword(found, current))
            .recover(AuthService::asWrongCurrentPassword)
            .compose(account -> hash(replacement))
            .compose(hash -> pool.withTransaction(tx -> throttle.succeeded(tx, attempt)
                .compose(v -> accounts.updatePassword(tx, staff.id(), hash, false))
                .compose(updated -> audit.append(tx, AuditLog.Entry.by(staff, "account.password_changed",
                    "account", staff.id(), null, new JsonObject()))))));
  }

  /**
   * On first run, creates the admin account; its password comes from configuration or is generated,
   * and is then returned (once) for the console. A generated password was printed where others (a shared
   * terminal, a log collector) may read it, so it must be replaced at first sign-in; one the operator set in
   * PINGYI_ADMIN_PASSWORD counts as chosen by the admin, since the operator is who holds that account.
   */
  public Future<Optional<String>> ensureInitialAdmin(Optional<String> configuredPassword) {
    return accounts.anyAccount(pool).compose(present -> {
      if (present) return Future.succeededFuture(Optional.empty());
      String password = configuredPassword.orElseGet(Passwords::generate);
      return hash(password)
          .compose(h -> accounts.insert(pool, "admin", "系统管理员", Role.ADMIN, h, configuredPassword.isEmpty()))
          .map(created -> created.isPresent() && configuredPassword.isEmpty()
              ? Optional.of(password) : Optional.<String>empty());
    });
  }

  Future<String> hash(String password) {
    return vertx.executeBlocking(() -> PasswordHasher.hash(password), false);
  }

  private Future<Account> checkPassword(Optional<Account> found, String password) {
    return vertx.executeBlocking(() -> {
      if (found.isEmpty()) {
        PasswordHasher.simulateVerify(password);
        return null;
      }
      return PasswordHasher.verify(password, found.get().passwordHash()) ? found.get() : null;
    }, false).compose(account -> account == null
        ? Future.failedFuture(AppError.of(ErrorCode.INVALID_CREDENTIALS))
        : Future.succeededFuture(account));
  }

  private Future<Account> requireActive(Account account) {
    return account.active() ? Future.succeededFuture(account)
        : Future.failedFuture(AppError.of(ErrorCode.INVALID_CREDENTIALS));
  }

  private static Future<Account> asWrongCurrentPassword(Throwable failure) {
    return Future.failedFuture(isWrongPassword(failure)
        ? AppError.invalidField("currentPassword", "当前密码不正确") : failure);
  }

  private static boolean isWrongPassword(Throwable failure) {
    return failure instanceof AppError error && error.errorCode() == ErrorCode.INVALID_CREDENTIALS;
  }

  private Future<Session> succeed(Account account, LoginThrottle.Attempt attempt) {
    Instant issuedAt = clock.instant();
    Instant expiresAt = issuedAt.plus(sessionTtl);
    // iat and exp are set here rather than by the JWT library (setExpiresInSeconds), which would read the system
    // clock: with both taken from this service's clock, a test signs in "a session ago" instead of waiting one out.
    String token = jwt.generateToken(
        new JsonObject().put("sub", account.id().toString()).put("ver", account.tokenVersion())
            .put("role", account.role().wireName())
            .put("iat", issuedAt.getEpochSecond()).put("exp", issuedAt.getEpochSecond() + sessionTtl.toSeconds()),
        new JWTOptions().setAlgorithm("HS256"));
    return pool.withTransaction(tx -> throttle.succeeded(tx, attempt)
            .compose(v -> audit.append(tx, AuditLog.Entry.by(account.staff(), "auth.login", "account",
                account.id(), null, new JsonObject()))))
        .map(v -> new Session(token, expiresAt, account.staff()));
  }

  /**
   * The attempt stays counted; the audit log gets the typed username only as far as it could be an account's
   * (see {@link Usernames#forAudit}).
   */
  private Future<Session> fail(Throwable failure, String username) {
    if (!isWrongPassword(failure)) return Future.failedFuture(failure);
    String audited = Usernames.forAudit(username);
    JsonObject details = new JsonObject().put("username", audited);
    if (!audited.equals(username)) details.put("usernameSanitized", true);
    return audit.append(pool, new AuditLog.Entry(null, audited, "auth.login_failed", "account", null, null, details))
        .compose(v -> Future.failedFuture(failure));
  }
}
