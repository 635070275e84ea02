package org.pingyi.probation;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pingyi.auditlog.AuditLog;
import org.pingyi.staff.Staff;
import org.pingyi.ballot.FrozenForm;
import org.pingyi.ballot.FrozenFormCache;
import org.pingyi.event.ArchiveFollower;
import org.pingyi.event.Event;
import org.pingyi.event.EventDetails;
import org.pingyi.event.EventService;
import org.pingyi.event.EventStatus;
import org.pingyi.formeditor.FormService;
import org.pingyi.formeditor.FormTemplates;
import org.pingyi.form.StoredForm;
import org.pingyi.form.Subject;
import org.pingyi.http.AppError;
import org.pingyi.http.ErrorCode;
import org.pingyi.tally.Disclosure;
import org.pingyi.tally.TallyReport;
import org.pingyi.tally.TallySnapshots;

/**
 * 试用期满考核 from the register: an event with a 民主测评表 prefilled with the chosen cadres; when that event is archived,
 * each cadre's figures from the tally report are recorded in the register. Also prefills a 新提拔任用干部民主评议表
 * with the register's appointments of a year.
 */
public final class ProbationAssessments implements ArchiveFollower {
  private final Pool pool;
  private final AuditLog audit;
  private final EventService events;
  private final FormService forms;
  private final Clock clock;
  private final ProbationRepository register = new ProbationRepository();
  private final FrozenFormCache frozen;

  public ProbationAssessments(Pool pool, AuditLog audit, EventService events, FormService forms,
                              FrozenFormCache frozen, Clock clock) {
    this.frozen = frozen;
    this.pool = pool;
    this.audit = audit;
    this.events = events;
    this.forms = forms;
    this.clock = clock;
  }

  /** Creates the event and its form and links the entries (person n is section pn), all in one transaction. */
  Future<JsonObject> start(Staff actor, ProbationInput.StartAssessment request) {
    // Locked in id order: two requests naming the same cadres wait for each other instead of deadlocking.
    List<UUID> ids = request.entryIds().stream().sorted().toList();
    return pool.withTransaction(tx -> lockAll(tx, ids).compose(locked -> {
      List<ProbationEntry> entries = request.entryIds().stream()
          .map(id -> locked.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow()).toList();
      entries.forEach(ProbationAssessments::requireNotStarted);
      List<Subject> persons = entries.stream().map(e -> new Subject(e.appointment().name(), e.appointment().currentPost())).toList();
      return events.createIn(tx, actor, details(request.title(), entries))
          .compose(eventId -> forms.createIn(tx, actor, eventId, FormTemplates.assessmentOf(persons))
              .compose(form -> linkAll(tx, actor, eventId, entries)
                  .map(v -> new JsonObject().put("eventId", eventId.toString()).put("formId", form.id().toString()))));
    }));
  }

  /** A 新提拔任用干部民主评议表 in a draft event, one row per appointment of the year in the register. */
  Future<StoredForm> newCadresForm(Staff actor, UUID eventId, int year) {
    return pool.withTransaction(tx -> events.get(tx, eventId).compose(event -> register.appointedIn(tx, year))
        .compose(entries -> {
          if (entries.isEmpty()) {
            return Future.failedFuture(AppError.of(ErrorCode.NO_APPOINTMENTS, "试用期登记中没有 " + year + " 年任职的干部",
                Map.of("year", "该年度没有任职记录")));
          }
          List<List<String>> rows = entries.stream().map(e -> List.of(e.appointment().name(), e.appointment().formerPost(),
              e.appointment().currentPost(), e.appointment().appointedOn().toString())).toList();
          return forms.createIn(tx, actor, eventId, FormTemplates.newCadresOf(rows));
        }));
  }

  /** Records each linked cadre's figures, read from the tally inside the archiving transaction. */
  @Override
  public Future<Void> archived(SqlClient tx, Event event, Staff actor) {
    return register.ofEventForUpdate(tx, event.id()).compose(entries -> entries.isEmpty() ? Future.succeededFuture()
        : frozen.formsOf(tx, event.id()).map(all -> all.stream().map(FrozenForm::parsed).toList())
            .compose(parsed -> TallySnapshots.report(tx, event.id(), parsed, event.details().expectedAttendance(),
                Disclosure.FINAL))
            .compose(report -> recordAll(tx, actor, event, entries, report)));
  }

  private Future<Void> recordAll(SqlClient tx, Staff actor, Event event, List<ProbationEntry> entries,
                                 TallyReport report) {
    // The day of the assessment is the meeting's (archiving requires it); the clock's day only if it is missing.
    LocalDate assessedOn = event.details().date() != null ? event.details().date() : LocalDate.now(clock);
    Future<Void> chain = Future.succeededFuture();
    for (ProbationEntry entry : entries) {
      var figures = AssessmentFigures.of(report, entry.assessment().section(), entry.appointment().name())
          .orElse(new AssessmentFigures.Figures(null, null, null));
      JsonObject details = new JsonObject().put("excellentRate", plain(figures.excellentRate()))
          .put("competentOrBetterRate", plain(figures.competentOrBetterRate()))
          .put("incompetentShare", plain(figures.incompetentShare())).put("assessedOn", assessedOn.toString());
      chain = chain.compose(v -> register.recordResult(tx, entry.id(), figures, assessedOn))
          .compose(v -> ProbationService.audited(audit, tx, actor, "probation.assessed", entry.id(), event.id(),
              entry.appointment(), details));
    }
    return chain;
  }

  private Future<List<ProbationEntry>> lockAll(SqlClient tx, List<UUID> ids) {
    Future<List<ProbationEntry>> chain = Future.succeededFuture(new ArrayList<>());
    for (UUID id : ids) {
      chain = chain.compose(found -> register.findForUpdate(tx, id)
          .map(entry -> {
            found.add(entry.orElseThrow(ProbationService::notFound));
            return found;
          }));
    }
    return chain;
  }

  private Future<Void> linkAll(SqlClient tx, Staff actor, UUID eventId, List<ProbationEntry> entries) {
    Future<Void> chain = Future.succeededFuture();
    for (int n = 0; n < entries.size(); n++) {
      ProbationEntry entry = entries.get(n);
      String section = "p" + (n + 1);
      chain = chain.compose(v -> register.link(tx, entry.id(), eventId, section))
          .compose(v -> ProbationService.audited(audit, tx, actor, "probation.assessment_started", entry.id(), eventId,
              entry.appointment(), new JsonObject()));
    }
    return chain;
  }

  /** A cadre is assessed once; a draft event that never ran may be replaced by a new one. */
  private static void requireNotStarted(ProbationEntry entry) {
    var s = entry.assessment();
    if (s == null || s.eventStatus() == EventStatus.DRAFT) return;
    String what = s.archived() ? "已完成试用期满考核" : "的试用期满考核正在进行";
    throw AppError.of(ErrorCode.PROBATION_ASSESSMENT_STARTED,
        entry.appointment().name() + what + "（活动《" + s.eventTitle() + "》）", Map.of("entryIds", "不能重复发起"));
  }

  private static EventDetails details(String title, List<ProbationEntry> entries) {
    String names = entries.get(0).appointment().name() + (entries.size() > 1 ? "等" + entries.size() + "名同志" : "同志");
    String unit = entries.stream().map(e -> e.appointment().unit()).distinct().count() == 1
        ? entries.get(0).appointment().unit() : "";
    return new EventDetails(title.isEmpty() ? names + "试用期满考核民主测评" : title, unit, null, "", 0, List.of(),
        List.of(), List.of(), "", "负责人");
  }

  private static String plain(java.math.BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }
}
