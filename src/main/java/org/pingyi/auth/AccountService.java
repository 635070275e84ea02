package org.pingyi.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.UUID;
import org.pingyi.auditlog.AuditLog;
import org.pingyi.http.AppError;
import org.pingyi.http.ErrorCode;
import org.pingyi.staff.Account;
import org.pingyi.staff.AccountRepository;
import org.pingyi.staff.Role;
import org.pingyi.staff.Staff;

/**
 * Admins manage staff accounts: create, change role or name, disable and enable, reset a password. A password an
 * admin sets (creating or resetting) is an initial one: its owner must replace it before doing anything else.
 */
public final class AccountService {
  private final Pool pool;
  private final AuthService auth;
  private final AuditLog audit;
  private final AccountRepository accounts = new AccountRepository();

  public AccountService(Pool pool, AuthService auth, AuditLog audit) {
    this.pool = pool;
    this.auth = auth;
    this.audit = audit;
  }

  record NewAccount(String username, String displayName, Role role, String password) {
  }

  record AccountChange(String displayName, Role role, Boolean active) {
  }

  Future<List<Account>> list() {
    return accounts.list(pool);
  }

  Future<Account> create(Staff admin, NewAccount request) {
    return auth.hash(request.password()).compose(hash -> pool.withTransaction(tx ->
        accounts.insert(tx, request.username(), request.displayName(), request.role(), hash, true).compose(created -> {
          if (created.isEmpty()) {
            return Future.failedFuture(AppError.of(ErrorCode.USERNAME_TAKEN));
          }
          Account account = created.get();
          return audit.append(tx, AuditLog.Entry.by(admin, "account.created", "account", account.id(), null,
                  new JsonObject().put("username", account.username()).put("role", account.role().wireName())))
              .map(account);
        })));
  }

  Future<Account> change(Staff admin, UUID id, AccountChange change) {
    return pool.withTransaction(tx -> accounts.findById(tx, id).compose(found -> {
      Account current = found.orElseThrow(() -> AppError.of(ErrorCode.ACCOUNT_NOT_FOUND));
      boolean active = change.active() == null ? current.active() : change.active();
      Role role = change.role() == null ? current.role() : change.role();
      if (current.id().equals(admin.id()) && (!active || role != Role.ADMIN)) {
        return Future.failedFuture(AppError.of(ErrorCode.OWN_ACCOUNT));
      }
      String name = change.displayName() == null ? current.displayName() : change.displayName();
      return accounts.updateProfile(tx, id, name, role, active)
          .compose(updated -> audit.append(tx, AuditLog.Entry.by(admin, "account.changed", "account", id, null,
                  describeChange(current, name, role, active)))
              .map(updated.orElseThrow()));
    }));
  }

  Future<Void> resetPassword(Staff admin, UUID id, String password) {
    return auth.hash(password).compose(hash -> pool.withTransaction(tx -> accounts.updatePassword(tx, id, hash, true)
        .compose(updated -> {
          if (updated.isEmpty()) return Future.failedFuture(AppError.of(ErrorCode.ACCOUNT_NOT_FOUND));
          return audit.append(tx, AuditLog.Entry.by(admin, "account.password_reset", "account", id, null,
              new JsonObject().put("username", updated.get().username())));
        })));
  }

  private static JsonObject describeChange(Account before, String name, Role role, boolean active) {
    JsonObject details = new JsonObject().put("username", before.username());
    if (!before.displayName().equals(name)) details.put("displayName", name);
    // Both roles, so that the log alone says what was granted or taken away.
    if (before.role() != role) details.put("role", role.wireName()).put("previousRole", before.role().wireName());
    if (before.active() != active) details.put("active", active);
    return details;
  }
}
