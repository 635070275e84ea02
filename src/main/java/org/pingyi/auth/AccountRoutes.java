package org.pingyi.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import org.pingyi.http.ErrorCode;
import org.pingyi.http.JsonInput;
import org.pingyi.http.Params;
import org.pingyi.http.Responses;
import org.pingyi.staff.Account;
import org.pingyi.staff.Role;
import org.pingyi.staff.StaffAuth;

/** Account administration, for admins only: /api/accounts. */
public final class AccountRoutes {
  private final AccountService service;
  private final StaffAuth auth;

  public AccountRoutes(AccountService service, StaffAuth auth) {
    this.service = service;
    this.auth = auth;
  }

  public void mount(Router router) {
    router.get("/api/accounts").handler(auth.allow()).respond(this::list);
    router.post("/api/accounts").handler(auth.allow()).handler(this::create);
    router.patch("/api/accounts/:id").handler(auth.allow()).respond(this::change);
    router.post("/api/accounts/:id/password").handler(auth.allow()).handler(this::resetPassword);
  }

  private Future<JsonArray> list(RoutingContext ctx) {
    return service.list().map(all -> new JsonArray(all.stream().map(Account::toJson).toList()));
  }

  private void create(RoutingContext ctx) {
    JsonInput in = JsonInput.of(ctx);
    String username = in.text("username", true, 50);
    if (!username.isEmpty() && !Usernames.valid(username)) {
      in.fail("username", Usernames.RULE);
    }
    String displayName = in.text("displayName", true, 50);
    // Left out, the role is the least one: granting more must be a choice.
    Role role = in.has("role") ? role(in, "role", true) : Role.LEAST;
    String password = in.raw().getValue("password") instanceof String s ? s : null;
    Passwords.problems("password", password).forEach(in::fail);
    in.throwIfInvalid();
    Responses.created(ctx, service.create(StaffAuth.staff(ctx),
        new AccountService.NewAccount(username, displayName, role, password)).map(Account::toJson));
  }

  private Future<JsonObject> change(RoutingContext ctx) {
    UUID id = accountId(ctx);
    JsonInput in = JsonInput.of(ctx);
    String displayName = in.has("displayName") ? in.text("displayName", true, 50) : null;
    Role role = in.has("role") ? role(in, "role", true) : null;
    Boolean active = in.has("active") ? in.bool("active", true) : null;
    in.throwIfInvalid();
    return service.change(StaffAuth.staff(ctx), id, new AccountService.AccountChange(displayName, role, active))
        .map(Account::toJson);
  }

  private void resetPassword(RoutingContext ctx) {
    UUID id = accountId(ctx);
    JsonInput in = JsonInput.of(ctx);
    String password = in.raw().getValue("newPassword") instanceof String s ? s : null;
    Passwords.problems("newPassword", password).forEach(in::fail);
    in.throwIfInvalid();
    Responses.noContent(ctx, service.resetPassword(StaffAuth.staff(ctx), id, password));
  }

  private static UUID accountId(RoutingContext ctx) {
    return Params.pathUuid(ctx, "id", ErrorCode.ACCOUNT_NOT_FOUND);
  }

  private static Role role(JsonInput in, String field, boolean required) {
    String name = in.text(field, required, 20);
    return Role.fromWire(name).orElseGet(() -> {
      if (!name.isEmpty()) in.fail(field, "角色必须是 admin、organizer、clerk 或 observer");
      return null;
    });
  }
}
