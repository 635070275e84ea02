package org.pingyi.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.pingyi.http.AppError;
import org.pingyi.http.JsonInput;
import org.pingyi.http.Responses;
import org.pingyi.http.TrustedProxies;
import org.pingyi.staff.StaffAuth;

/** Sign-in and one's own account: /api/auth/login, /api/auth/me, /api/auth/password. */
public final class AuthRoutes {
  private final AuthService service;
  private final StaffAuth auth;
  private final TrustedProxies proxies;

  public AuthRoutes(AuthService service, StaffAuth auth, TrustedProxies proxies) {
    this.service = service;
    this.auth = auth;
    this.proxies = proxies;
  }

  public void mount(Router router) {
    router.post("/api/auth/login").respond(this::login);
    // Open to an account that must still change its initial password: these are how it does so.
    router.get("/api/auth/me").handler(auth.ownAccount()).respond(ctx -> Future.succeededFuture(
        StaffAuth.staff(ctx).toJson()));
    router.post("/api/auth/password").handler(auth.ownAccount()).handler(this::changePassword);
  }

  private Future<JsonObject> login(RoutingContext ctx) {
    JsonInput in = JsonInput.of(ctx);
    String username = in.text("username", true, 100);
    String password = in.text("password", true, Passwords.MAX_LENGTH);
    in.throwIfInvalid();
    return service.login(username, password, address(ctx)).map(AuthService.Session::toJson);
  }

  private void changePassword(RoutingContext ctx) {
    JsonInput in = JsonInput.of(ctx);
    String current = in.text("currentPassword", true, Passwords.MAX_LENGTH);
    String replacement = in.raw().getValue("newPassword") instanceof String s ? s : null;
    Passwords.problems("newPassword", replacement).forEach(in::fail);
    in.throwIfInvalid();
    if (current.equals(replacement)) throw AppError.invalidField("newPassword", "新密码不能与当前密码相同");
    Responses.noContent(ctx, service.changeOwnPassword(StaffAuth.staff(ctx), current, replacement, address(ctx)));
  }

  /**
   * The client's address, which the throttle counts guesses by: behind a trusted reverse proxy the one it forwards,
   * otherwise the peer's (a header anyone can send must not let a guesser pick a fresh address per guess).
   */
  private String address(RoutingContext ctx) {
    return proxies.clientOf(ctx.request());
  }
}
