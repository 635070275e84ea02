package org.pingyi.probation;

import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import org.pingyi.staff.Role;
import org.pingyi.staff.StaffAuth;
import org.pingyi.http.Downloads;
import org.pingyi.http.ErrorCode;
import org.pingyi.http.Params;
import org.pingyi.http.Responses;

/**
 * /api/probation: the register of cadres on probation (read by every staff member, changed by organizers), its xlsx,
 * what is due, and 发起试用期满考核; /api/events/:eventId/probation-cadres prefills a 新提拔任用干部民主评议表.
 */
public final class ProbationRoutes {
  private final WorkerExecutor workers;
  private final ProbationService register;
  private final ProbationAssessments assessments;
  private final StaffAuth auth;

  public ProbationRoutes(ProbationService register, ProbationAssessments assessments, StaffAuth auth,
                         WorkerExecutor workers) {
    this.workers = workers;
    this.register = register;
    this.assessments = assessments;
    this.auth = auth;
  }

  public void mount(Router router) {
    router.get("/api/probation/entries").handler(auth.anyStaff()).respond(ctx -> register.list());
    router.post("/api/probation/entries").handler(auth.allow(Role.ORGANIZER)).handler(ctx -> Responses.created(ctx,
        register.add(StaffAuth.staff(ctx), ProbationInput.appointment(ctx)).compose(register::describe)));
    router.put("/api/probation/entries/:entryId").handler(auth.allow(Role.ORGANIZER)).respond(this::update);
    router.delete("/api/probation/entries/:entryId").handler(auth.allow(Role.ORGANIZER))
        .handler(ctx -> Responses.noContent(ctx, register.remove(StaffAuth.staff(ctx), entryId(ctx))));
    router.post("/api/probation/paste").handler(auth.allow(Role.ORGANIZER))
        .respond(ctx -> register.paste(StaffAuth.staff(ctx), ProbationInput.tsv(ctx)));
    router.get("/api/probation/due").handler(auth.anyStaff()).respond(ctx -> register.due());
    router.get("/api/probation/register.xlsx").handler(auth.anyStaff()).handler(this::xlsx);
    router.post("/api/probation/assessments").handler(auth.allow(Role.ORGANIZER)).handler(ctx -> Responses.created(ctx,
        assessments.start(StaffAuth.staff(ctx), ProbationInput.startAssessment(ctx))));
    router.post("/api/events/:eventId/probation-cadres").handler(auth.allow(Role.ORGANIZER)).handler(ctx -> {
      UUID eventId = Params.eventId(ctx);
      Responses.created(ctx, assessments.newCadresForm(StaffAuth.staff(ctx), eventId, ProbationInput.year(ctx))
          .map(form -> form.toJson()));
    });
  }

  private io.vertx.core.Future<io.vertx.core.json.JsonObject> update(RoutingContext ctx) {
    UUID id = entryId(ctx);
    return register.update(StaffAuth.staff(ctx), id, ProbationInput.appointment(ctx)).compose(v -> register.describe(id));
  }

  /** Rendered on the exports' workers: POI must not run on an event loop. */
  private void xlsx(RoutingContext ctx) {
    register.entries()
        .compose(all -> workers.executeBlocking(() -> RegisterXlsx.render(all, register.today()), false))
        .onSuccess(bytes -> {
          Downloads.attachment(ctx, Downloads.XLSX, "probation-register.xlsx", "试用期干部登记表.xlsx");
          ctx.response().end(Buffer.buffer(bytes));
        })
        .onFailure(ctx::fail);
  }

  private static UUID entryId(RoutingContext ctx) {
    return Params.pathUuid(ctx, "entryId", ErrorCode.PROBATION_ENTRY_NOT_FOUND);
  }
}
