package org.pingyi.formeditor;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.function.Function;
import org.pingyi.form.FormDefinition;
import org.pingyi.form.StoredForm;
import org.pingyi.http.AppError;
import org.pingyi.http.ErrorCode;
import org.pingyi.http.JsonInput;
import org.pingyi.http.Params;
import org.pingyi.http.Responses;
import org.pingyi.staff.Role;
import org.pingyi.staff.StaffAuth;

/** Ballot forms: the built-in templates, an event's forms, editing and pasting lists into them. */
public final class FormRoutes {
  private final FormService service;
  private final StaffAuth auth;

  public FormRoutes(FormService service, StaffAuth auth) {
    this.service = service;
    this.auth = auth;
  }

  public void mount(Router router) {
    router.get("/api/templates").handler(auth.anyStaff()).respond(this::templates);
    router.get("/api/events/:eventId/forms").handler(auth.anyStaff()).respond(this::listForEvent);
    router.post("/api/events/:eventId/forms").handler(auth.allow(Role.ORGANIZER)).handler(this::create);
    router.get("/api/forms/:formId").handler(auth.anyStaff())
        .respond(ctx -> service.get(formId(ctx)).map(StoredForm::toJson));
    router.put("/api/forms/:formId").handler(auth.allow(Role.ORGANIZER)).respond(this::update);
    router.delete("/api/forms/:formId").handler(auth.allow(Role.ORGANIZER))
        .handler(ctx -> Responses.noContent(ctx, service.delete(StaffAuth.staff(ctx), formId(ctx))));
    router.post("/api/forms/:formId/paste").handler(auth.allow(Role.ORGANIZER)).respond(this::paste);
  }

  private Future<JsonArray> templates(RoutingContext ctx) {
    return Future.succeededFuture(new JsonArray(FormTemplates.list().stream()
        .map(t -> new JsonObject().put("id", t.id()).put("title", t.title()).put("description", t.description()))
        .toList()));
  }

  private Future<JsonArray> listForEvent(RoutingContext ctx) {
    return service.listForEvent(Params.eventId(ctx))
        .map(all -> new JsonArray(all.stream().map(StoredForm::toJson).toList()));
  }

  private void create(RoutingContext ctx) {
    UUID eventId = Params.eventId(ctx);
    JsonInput in = JsonInput.of(ctx);
    FormDefinition definition;
    if (in.has("template")) {
      String template = in.text("template", true, 40);
      in.throwIfInvalid();
      definition = FormTemplates.create(template)
          .orElseThrow(() -> AppError.invalidField("template", "没有这个模板：" + template));
    } else {
      definition = definitionFrom(in);
    }
    Responses.created(ctx, service.create(StaffAuth.staff(ctx), eventId, definition).map(StoredForm::toJson));
  }

  private Future<JsonObject> update(RoutingContext ctx) {
    UUID id = formId(ctx);
    JsonInput in = JsonInput.of(ctx);
    int version = in.integer("version", -1, 1, Integer.MAX_VALUE);
    if (!in.has("version")) in.fail("version", "不能为空");
    FormDefinition definition = definitionFrom(in);
    return service.update(StaffAuth.staff(ctx), id, version, definition).map(StoredForm::toJson);
  }

  private Future<JsonObject> paste(RoutingContext ctx) {
    UUID id = formId(ctx);
    JsonInput in = JsonInput.of(ctx);
    String tsv = in.text("tsv", true, 200_000);
    String target = in.text("target", false, 20);
    String questionId = in.text("questionId", target.isEmpty(), 40);
    String positionId = in.text("positionId", false, 40);
    in.throwIfInvalid();
    Function<FormDefinition, FormDefinition> change;
    if ("subjects".equals(target)) {
      change = form -> FormDocuments.translated("", () -> TsvImport.replaceSubjects(form, tsv));
    } else if (!positionId.isEmpty()) {
      change = form -> FormDocuments.translated("",
          () -> TsvImport.replaceCandidates(form, questionId, positionId, tsv));
    } else {
      change = form -> FormDocuments.translated("", () -> TsvImport.replaceMatrixRows(form, questionId, tsv));
    }
    return service.paste(StaffAuth.staff(ctx), id, change).map(StoredForm::toJson);
  }

  /** The "definition" field, parsed and checked against the draft rules; field paths start with "definition.". */
  private static FormDefinition definitionFrom(JsonInput in) {
    Object raw = in.raw().getValue("definition");
    if (!(raw instanceof JsonObject)) in.fail("definition", raw == null ? "不能为空" : "必须是对象");
    in.throwIfInvalid();
    FormDefinition definition = FormDocuments.parse((JsonObject) raw, "definition");
    FormDocuments.requireValidDraft(definition);
    return definition;
  }

  private static UUID formId(RoutingContext ctx) {
    return Params.pathUuid(ctx, "formId", ErrorCode.FORM_NOT_FOUND);
  }
}
