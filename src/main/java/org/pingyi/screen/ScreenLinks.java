package org.pingyi.screen;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.pingyi.auditlog.AuditLog;
import org.pingyi.crypto.StoredSecrets;
import org.pingyi.event.TallyChanges;
import org.pingyi.http.AppError;
import org.pingyi.http.ErrorCode;
import org.pingyi.http.Params;
import org.pingyi.staff.Staff;
import org.pingyi.staff.StaffAuth;

/**
 * Links that let a projector's browser show one event's tally without a staff account. The key travels in the
 * link's fragment (never sent in a request line, so never in an access log) and then in an
 * {@code Authorization: Screen <key>} header; the database keeps only its SHA-256.
 */
final class ScreenLinks {
  private static final String SCHEME = "Screen ";
  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
  /** The routing-context key under which a request let in by a screen key carries its link's id. */
  private static final String LINK = "pingyi.screenLink";

  private final Pool pool;
  private final ScreenLinkRepository repository = new ScreenLinkRepository();
  private final AuditLog audit;
  private final StaffAuth staffAuth;

  ScreenLinks(Pool pool, AuditLog audit, StaffAuth staffAuth) {
    this.pool = pool;
    this.audit = audit;
    this.staffAuth = staffAuth;
  }

  /** Lets through a valid screen key for the event in the path, or else any signed-in staff member. */
  Handler<RoutingContext> staffOrScreen() {
    Handler<RoutingContext> staff = staffAuth.anyStaff();
    return ctx -> {
      String header = ctx.request().getHeader("Authorization");
      if (header == null || !header.startsWith(SCHEME)) {
        staff.handle(ctx);
        return;
      }
      UUID eventId = Params.eventId(ctx);
      String key = header.substring(SCHEME.length()).trim();
      repository.valid(pool, StoredSecrets.hash(key), eventId)
          .onSuccess(link -> {
            if (link.isEmpty()) {
              ctx.fail(AppError.of(ErrorCode.INVALID_SCREEN_KEY));
              return;
            }
            ctx.put(LINK, link.get());
            ctx.next();
          })
          .onFailure(ctx::fail);
    };
  }

  /** The link a request came in with, or null for a staff member's request. */
  static UUID linkOf(RoutingContext ctx) {
    return ctx.get(LINK);
  }

  /** The event's links not revoked, so that streams opened with a revoked one can be closed. */
  Future<Set<UUID>> stillValid(UUID eventId) {
    return repository.stillValid(pool, eventId);
  }

  /** A new link; its key is returned now and never again. */
  Future<JsonObject> create(Staff actor, UUID eventId, String label) {
    String key = newKey();
    return pool.withTransaction(tx -> repository.create(tx, eventId, StoredSecrets.hash(key), label, actor.id())
        .compose(id -> audit.append(tx, AuditLog.Entry.by(actor, "screen_link.created", "screen_link", id, eventId,
                new JsonObject().put("label", label)))
            .map(v -> new JsonObject().put("id", id.toString()).put("label", label).put("key", key)
                .put("path", "/screen/" + eventId + "#key=" + key))));
  }

  private static String newKey() {
    byte[] bytes = new byte[20];
    RANDOM.nextBytes(bytes);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  Future<JsonArray> list(UUID eventId) {
    return repository.list(pool, eventId);
  }

  Future<Void> revoke(Staff actor, UUID eventId, UUID linkId) {
    return pool.withTransaction(tx -> repository.revoke(tx, eventId, linkId).compose(revoked -> {
      if (!revoked) throw AppError.of(ErrorCode.SCREEN_LINK_NOT_FOUND);
      return audit.append(tx, AuditLog.Entry.by(actor, "screen_link.revoked", "screen_link", linkId, eventId,
          new JsonObject()))
          // Every instance re-reads the event and closes the screens still open with this link (LiveTally).
          .compose(v -> TallyChanges.announce(tx, List.of(eventId)));
    }));
  }
}
