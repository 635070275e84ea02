package org.pingyi.event;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.List;
import java.util.UUID;
import org.pingyi.auditlog.AuditLog;
import org.pingyi.http.AppError;
import org.pingyi.http.ErrorCode;
import org.pingyi.staff.Staff;

/** Events: creating and editing them, and their lifecycle draft → open → closed → archived, each step audited. */
public final class EventService {
  private final Pool pool;
  private final AuditLog audit;
  private final EventForms forms;
  private final ArchiveGate archiveGate;
  private final HeldBallots held;
  private final EventRepository events = new EventRepository();
  private ArchiveFollower archiveFollower = (tx, event, actor) -> Future.succeededFuture();

  public EventService(Pool pool, AuditLog audit, EventForms forms, ArchiveGate archiveGate, HeldBallots held) {
    this.pool = pool;
    this.audit = audit;
    this.forms = forms;
    this.archiveGate = archiveGate;
    this.held = held;
  }

  /** Who hears of an archived event; the server wires it once every feature is constructed. */
  public void followArchives(ArchiveFollower follower) {
    this.archiveFollower = follower;
  }

  Future<List<Event>> list() {
    return events.list(pool);
  }

  /** The event with a summary of its forms, as the console shows it. */
  Future<JsonObject> describe(UUID id) {
    return get(pool, id).compose(event -> forms.summaries(pool, id)
        .map(summaries -> event.toJson().put("forms", summaries)));
  }

  public Future<Event> get(SqlClient client, UUID id) {
    return events.find(client, id).map(found -> found.orElseThrow(EventService::notFound));
  }

  /** Within {@code tx}: whether the big screens show only the turnout while voting is open. */
  public Future<Void> setScreenTurnoutOnly(SqlClient tx, UUID id, boolean turnoutOnly) {
    return events.setScreenTurnoutOnly(tx, id, turnoutOnly);
  }

  /**
   * Locks the event row for the rest of the transaction and returns it: whoever changes an event's forms
   * or state holds this lock, so the two cannot interleave.
   */
  public Future<Event> lock(SqlClient tx, UUID id) {
    return events.findForUpdate(tx, id).map(found -> found.orElseThrow(EventService::notFound));
  }

  Future<UUID> create(Staff actor, EventDetails details) {
    return pool.withTransaction(tx -> createIn(tx, actor, details));
  }

  /** Creates a draft event inside the caller's transaction (the probation register adds its form in the same one). */
  public Future<UUID> createIn(SqlClient tx, Staff actor, EventDetails details) {
    return events.insert(tx, details, actor.id())
        .compose(id -> events.replaceCategories(tx, id, details.categories())
            .compose(v -> audit.append(tx, AuditLog.Entry.by(actor, "event.created", "event", id, id,
                new JsonObject().put("title", details.title()))))
            .map(id));
  }

  Future<Void> update(Staff actor, UUID id, EventDetails details) {
    return pool.withTransaction(tx -> lock(tx, id).compose(current -> {
      if (!current.status().detailsEditable()) {
        return Future.failedFuture(AppError.of(ErrorCode.EVENT_ARCHIVED));
      }
      boolean categoriesChanged = !current.details().categories().equals(details.categories());
      if (categoriesChanged && !current.status().formsEditable()) {
        return Future.failedFuture(AppError.of(ErrorCode.CATEGORIES_LOCKED,
            "投票开始后不能修改参评人员类别", java.util.Map.of("categories", "投票开始后不能修改")));
      }
      Future<Void> categories = categoriesChanged
          ? events.replaceCategories(tx, id, details.categories()) : Future.succeededFuture();
      return categories.compose(v -> events.update(tx, id, details))
          .compose(v -> audit.append(tx, AuditLog.Entry.by(actor, "event.edited", "event", id, id,
              new JsonObject().put("title", details.title()).put("categoriesChanged", categoriesChanged))));
    }));
  }

  Future<Void> transition(Staff actor, UUID id, EventStatus.Transition step) {
    return pool.withTransaction(tx -> lock(tx, id).compose(current -> {
      var refusal = step.refusalFrom(current.status());
      if (refusal.isPresent()) {
        return Future.failedFuture(AppError.of(ErrorCode.ILLEGAL_TRANSITION, refusal.get()));
      }
      return prepare(tx, current, step, actor)
          .compose(v -> events.setStatus(tx, id, step.to()))
          .compose(v -> audit.append(tx, AuditLog.Entry.by(actor, "event." + step.to().wireName(), "event", id, id,
              new JsonObject().put("from", current.status().wireName()).put("to", step.to().wireName()))))
          .compose(v -> step == EventStatus.Transition.ARCHIVE ? archiveFollower.archived(tx, current, actor)
              : Future.succeededFuture())
          // Screens change too: closing reveals results that "turnout only" withheld.
          .compose(v -> TallyChanges.announce(tx, java.util.List.of(id)));
    }));
  }

  /**
   * What must hold before a step: opening needs voter categories and forms that can be frozen; closing empties
   * the ballot box into the results; archiving needs a complete record (and an empty box).
   */
  private Future<Void> prepare(SqlClient tx, Event event, EventStatus.Transition step, Staff actor) {
    if (step == EventStatus.Transition.CLOSE) return held.mixAll(tx, event.id());
    if (step == EventStatus.Transition.ARCHIVE) {
      return held.mixAll(tx, event.id()).compose(v -> archiveGate.checkComplete(tx, event));
    }
    if (step != EventStatus.Transition.OPEN) return Future.succeededFuture();
    if (event.details().categories().isEmpty()) {
      return Future.failedFuture(AppError.of(ErrorCode.EVENT_NOT_READY, "请至少设置一个参评人员类别后再开始投票",
          java.util.Map.of("categories", "至少需要一个参评人员类别")));
    }
    return forms.freezeAll(tx, event.id(), actor);
  }

  private static AppError notFound() {
    return AppError.of(ErrorCode.EVENT_NOT_FOUND);
  }
}
