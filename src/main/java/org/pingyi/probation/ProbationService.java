package org.pingyi.probation;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.pingyi.auditlog.AuditLog;
import org.pingyi.staff.Staff;
import org.pingyi.event.EventStatus;
import org.pingyi.http.AppError;
import org.pingyi.http.ErrorCode;

/**
 * The probation register: entries added, pasted, edited and removed, each change audited; what is due on the
 * clock's day. Starting and recording assessments is {@link ProbationAssessments}'s.
 */
public final class ProbationService {
  private final Pool pool;
  private final AuditLog audit;
  private final Clock clock;
  private final ProbationRepository register = new ProbationRepository();

  /** @param clock whose day decides what is due: China's, in production */
  public ProbationService(Pool pool, AuditLog audit, Clock clock) {
    this.pool = pool;
    this.audit = audit;
    this.clock = clock;
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  Future<List<ProbationEntry>> entries() {
    return register.list(pool);
  }

  Future<JsonArray> list() {
    LocalDate today = today();
    return entries().map(all -> new JsonArray(all.stream().map(e -> e.toJson(today)).toList()));
  }

  Future<JsonObject> describe(UUID id) {
    return register.find(pool, id).map(found -> found.orElseThrow(ProbationService::notFound).toJson(today()));
  }

  /** The home page's list: overdue (counted), due within 30 days, done with the event that assessed them. */
  Future<JsonObject> due() {
    return entries().map(all -> {
      DueList due = DueList.of(all, clock);
      return new JsonObject().put("today", due.today().toString()).put("windowDays", DueList.WINDOW_DAYS)
          .put("overdueCount", due.overdue().size())
          .put("overdue", json(due.overdue(), due.today())).put("due", json(due.due(), due.today()))
          .put("done", json(due.done(), due.today()));
    });
  }

  Future<UUID> add(Staff actor, Appointment appointment) {
    return pool.withTransaction(tx -> register.insert(tx, appointment, actor.id())
        .compose(id -> audited(tx, actor, "probation.added", id, appointment, new JsonObject()).map(id)));
  }

  Future<Void> update(Staff actor, UUID id, Appointment appointment) {
    return pool.withTransaction(tx -> locked(tx, id)
        .compose(entry -> register.update(tx, id, appointment))
        .compose(v -> audited(tx, actor, "probation.edited", id, appointment, new JsonObject())));
  }

  /** An entry whose assessment has begun stays: the register is where its result is kept. */
  Future<Void> remove(Staff actor, UUID id) {
    return pool.withTransaction(tx -> locked(tx, id).compose(entry -> {
      if (entry.assessment() != null && entry.assessment().eventStatus() != EventStatus.DRAFT) {
        return Future.failedFuture(AppError.of(ErrorCode.PROBATION_ASSESSMENT_STARTED,
            "已发起试用期满考核（活动《" + entry.assessment().eventTitle() + "》），该登记不能删除"));
      }
      return register.delete(tx, id)
          .compose(v -> audited(tx, actor, "probation.removed", id, entry.appointment(), new JsonObject()));
    }));
  }

  /** Adds the pasted appointments the register does not hold yet; answers how many were added and skipped. */
  Future<JsonObject> paste(Staff actor, String tsv) {
    List<Appointment> pasted = RegisterPaste.read(tsv);
    return pool.withTransaction(tx -> register.lockForPaste(tx).compose(v -> register.list(tx)).compose(existing -> {
      List<Appointment> fresh = new ArrayList<>();
      for (Appointment a : pasted) {
        boolean known = existing.stream().anyMatch(e -> RegisterPaste.sameAppointment(e.appointment(), a))
            || fresh.stream().anyMatch(f -> RegisterPaste.sameAppointment(f, a));
        if (!known) fresh.add(a);
      }
      Future<Void> chain = Future.succeededFuture();
      for (Appointment a : fresh) {
        chain = chain.compose(v -> register.insert(tx, a, actor.id())
            .compose(id -> audited(tx, actor, "probation.added", id, a, new JsonObject().put("pasted", true))));
      }
      return chain.map(v -> new JsonObject().put("added", fresh.size()).put("skipped", pasted.size() - fresh.size()));
    }));
  }

  private Future<ProbationEntry> locked(SqlClient tx, UUID id) {
    return register.findForUpdate(tx, id).map(found -> found.orElseThrow(ProbationService::notFound));
  }

  /** One audit row per register change, naming the cadre and the appointment as it now stands. */
  static Future<Void> audited(AuditLog audit, SqlClient tx, Staff actor, String action, UUID id, UUID eventId,
                              Appointment a, JsonObject details) {
    return audit.append(tx, AuditLog.Entry.by(actor, action, "probation", id, eventId, details.put("name", a.name())
        .put("currentPost", a.currentPost()).put("appointedOn", a.appointedOn().toString()).put("months", a.months())));
  }

  private Future<Void> audited(SqlClient tx, Staff actor, String action, UUID id, Appointment a, JsonObject details) {
    return audited(audit, tx, actor, action, id, null, a, details);
  }

  private static JsonArray json(List<ProbationEntry> entries, LocalDate today) {
    return new JsonArray(entries.stream().map(e -> e.toJson(today)).toList());
  }

  static AppError notFound() {
    return AppError.of(ErrorCode.PROBATION_ENTRY_NOT_FOUND);
  }
}
