package org.pingyi.staff;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.Arrays;
import java.util.UUID;
import org.pingyi.http.AppError;
import org.pingyi.http.ErrorCode;

/**
 * Guards staff routes: checks the bearer token, then the account as it is now in the database (active,
 * same token version, current role), so a disabled account or a changed password takes effect at once. An account
 * whose password someone else set passes only {@link #ownAccount()}, until its owner replaces that password.
 */
public final class StaffAuth {
  private static final String STAFF_KEY = "pingyi.staff";

  private final JWTAuth jwt;
  private final Pool pool;
  private final AccountRepository accounts = new AccountRepository();

  public StaffAuth(JWTAuth jwt, Pool pool) {
    this.jwt = jwt;
    this.pool = pool;
  }

  /**
   * A handler that lets through admins and the given roles, and answers 401 or 403 to everyone else, including
   * (403 password_change_required) whoever still signs in with a password someone else set.
   */
  public Handler<RoutingContext> allow(Role... roles) {
    return ctx -> authenticate(ctx)
        .onSuccess(staff -> {
          if (staff.passwordChangeRequired()) {
            ctx.fail(AppError.of(ErrorCode.PASSWORD_CHANGE_REQUIRED));
          } else if (!staff.mayActAs(roles)) {
            ctx.fail(AppError.of(ErrorCode.FORBIDDEN, "您的角色无权执行此操作（需要：" + describe(roles) + "）"));
          } else {
            ctx.put(STAFF_KEY, staff);
            ctx.next();
          }
        })
        .onFailure(ctx::fail);
  }

  /** Every signed-in staff member, whatever the role, once their password is their own. */
  public Handler<RoutingContext> anyStaff() {
    return allow(Role.values());
  }

  /**
   * Every signed-in staff member, even one who must still change an initial password: for the routes that let
   * them do so (who am I, change my password). Signing out needs no route: the console forgets the token.
   */
  public Handler<RoutingContext> ownAccount() {
    return ctx -> authenticate(ctx)
        .onSuccess(staff -> {
          ctx.put(STAFF_KEY, staff);
          ctx.next();
        })
        .onFailure(ctx::fail);
  }

  public static Staff staff(RoutingContext ctx) {
    Staff staff = ctx.get(STAFF_KEY);
    if (staff == null) throw new IllegalStateException("route is not guarded by StaffAuth");
    return staff;
  }

  private Future<Staff> authenticate(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Future.failedFuture(AppError.of(ErrorCode.UNAUTHORIZED));
    }
    return jwt.authenticate(new TokenCredentials(header.substring(7).trim()))
        .recover(StaffAuth::tokenRejected)
        .compose(this::currentStaff);
  }

  private static Future<User> tokenRejected(Throwable failure) {
    String message = String.valueOf(failure.getMessage());
    if (message.toLowerCase(java.util.Locale.ROOT).contains("expired")) {
      return Future.failedFuture(AppError.of(ErrorCode.TOKEN_EXPIRED));
    }
    return Future.failedFuture(AppError.of(ErrorCode.INVALID_TOKEN));
  }

  private Future<Staff> currentStaff(User user) {
    UUID id;
    Integer version;
    try {
      id = UUID.fromString(user.principal().getString("sub"));
      version = user.principal().getInteger("ver");
    } catch (RuntimeException e) {
      return Future.failedFuture(AppError.of(ErrorCode.INVALID_TOKEN));
    }
    return accounts.findById(pool, id).compose(found -> {
      if (found.isEmpty() || !found.get().active()) {
        return Future.failedFuture(AppError.of(ErrorCode.ACCOUNT_DISABLED));
      }
      if (!found.get().tokenVersion().equals(version)) {
        return Future.failedFuture(AppError.of(ErrorCode.INVALID_TOKEN, "密码或权限已变更，请重新登录"));
      }
      return Future.succeededFuture(found.get().staff());
    });
  }

  private static String describe(Role... roles) {
    return Arrays.stream(roles).map(Role::wireName).reduce((a, b) -> a + "、" + b).orElse("admin");
  }
}
