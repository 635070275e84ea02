package org.pingyi.formeditor;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.pingyi.auditlog.AuditLog;
import org.pingyi.event.Event;
import org.pingyi.event.EventForms;
import org.pingyi.event.EventService;
import org.pingyi.form.FormDefinition;
import org.pingyi.form.FormJson;
import org.pingyi.form.FormRepository;
import org.pingyi.form.StoredForm;
import org.pingyi.http.AppError;
import org.pingyi.http.ErrorCode;
import org.pingyi.staff.Staff;

/** Ballot forms of an event: created from templates, edited while the event is a draft, frozen when it opens. */
public final class FormService implements EventForms {
  private final Pool pool;
  private final AuditLog audit;
  private final FormRepository forms = new FormRepository();
  private EventService events;

  public FormService(Pool pool, AuditLog audit) {
    this.pool = pool;
    this.audit = audit;
  }

  /** Events and forms depend on each other's services; the server wires this after constructing both. */
  public void useEvents(EventService eventService) {
    this.events = eventService;
  }

  Future<StoredForm> get(UUID id) {
    return forms.find(pool, id).map(found -> found.orElseThrow(FormService::notFound));
  }

  Future<List<StoredForm>> listForEvent(UUID eventId) {
    return events.get(pool, eventId).compose(event -> forms.listForEvent(pool, eventId));
  }

  Future<StoredForm> create(Staff actor, UUID eventId, FormDefinition definition) {
    return pool.withTransaction(tx -> createIn(tx, actor, eventId, definition));
  }

  /**
   * Adds a form to a draft event inside the caller's transaction, checked as an organizer's draft is: the probation
   * register creates an event and its prefilled form together, or neither.
   */
  public Future<StoredForm> createIn(SqlClient tx, Staff actor, UUID eventId, FormDefinition definition) {
    FormDocuments.requireValidDraft(definition);
    return lockDraft(tx, eventId)
        .compose(event -> forms.insert(tx, eventId, FormJson.toJson(definition)))
        .compose(form -> audited(tx, actor, "form.created", form).map(form));
  }

  Future<StoredForm> update(Staff actor, UUID formId, int expectedVersion, FormDefinition definition) {
    return pool.withTransaction(tx -> lockedForm(tx, formId)
        .compose(stored -> forms.update(tx, formId, expectedVersion, FormJson.toJson(definition)))
        .map(updated -> updated.orElseThrow(FormService::stale))
        .compose(form -> audited(tx, actor, "form.edited", form).map(form)));
  }

  /** Replaces a list in the form (cadres, candidates, assessed people) from tab-separated lines. */
  Future<StoredForm> paste(Staff actor, UUID formId, Function<FormDefinition, FormDefinition> change) {
    return pool.withTransaction(tx -> lockedForm(tx, formId).compose(stored -> {
      FormDefinition changed = change.apply(FormDocuments.parse(stored.definition(), "definition"));
      FormDocuments.requireValidDraft(changed);
      return forms.update(tx, formId, stored.version(), FormJson.toJson(changed))
          .map(updated -> updated.orElseThrow(FormService::stale))
          .compose(form -> audited(tx, actor, "form.list_pasted", form).map(form));
    }));
  }

  Future<Void> delete(Staff actor, UUID formId) {
    return pool.withTransaction(tx -> lockedForm(tx, formId)
        .compose(stored -> forms.delete(tx, formId).compose(v -> audited(tx, actor, "form.deleted", stored))));
  }

  @Override
  public Future<JsonArray> summaries(SqlClient client, UUID eventId) {
    return forms.listForEvent(client, eventId)
        .map(all -> new JsonArray(all.stream().map(StoredForm::summary).toList()));
  }

  @Override
  public Future<Void> freezeAll(SqlClient tx, UUID eventId, Staff actor) {
    return forms.listForEvent(tx, eventId).compose(all -> {
      if (all.isEmpty()) {
        return Future.failedFuture(AppError.of(ErrorCode.EVENT_NOT_READY, "请至少添加一张表单后再开始投票",
            Map.of("forms", "至少需要一张表单")));
      }
      Map<String, String> problems = new LinkedHashMap<>();
      List<String> hashes = new java.util.ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        String prefix = "forms[" + i + "].";
        FormDefinition definition = FormDocuments.parse(all.get(i).definition(), prefix + "definition");
        FormValidator.validateForFreeze(definition)
            .forEach(e -> problems.putIfAbsent(prefix + e.path(), e.message()));
        // The hash covers the canonical encoding: jsonb does not keep key order, the writer does.
        hashes.add(sha256(FormJson.toJson(definition).encode()));
      }
      if (!problems.isEmpty()) {
        return Future.failedFuture(AppError.of(ErrorCode.FORMS_NOT_READY, "表单尚未完成，不能开始投票", problems));
      }
      Future<Void> chain = Future.succeededFuture();
      for (int i = 0; i < all.size(); i++) {
        StoredForm form = all.get(i);
        String sha256 = hashes.get(i);
        chain = chain.compose(v -> forms.freeze(tx, form.id(), sha256))
            .compose(v -> audit.append(tx, AuditLog.Entry.by(actor, "form.frozen", "form", form.id(), eventId,
                new JsonObject().put("title", form.definition().getString("title")).put("sha256", sha256))));
      }
      return chain;
    });
  }

  /** The form, with its event locked and still a draft. */
  private Future<StoredForm> lockedForm(SqlClient tx, UUID formId) {
    return forms.find(tx, formId).map(found -> found.orElseThrow(FormService::notFound))
        .compose(stored -> lockDraft(tx, stored.eventId()).map(stored));
  }

  private Future<Event> lockDraft(SqlClient tx, UUID eventId) {
    return events.lock(tx, eventId).compose(event -> event.status().formsEditable()
        ? Future.succeededFuture(event)
        : Future.failedFuture(AppError.of(ErrorCode.FORM_FROZEN)));
  }

  private Future<Void> audited(SqlClient tx, Staff actor, String action, StoredForm form) {
    return audit.append(tx, AuditLog.Entry.by(actor, action, "form", form.id(), form.eventId(),
        new JsonObject().put("title", form.definition().getString("title")).put("version", form.version())));
  }

  private static AppError notFound() {
    return AppError.of(ErrorCode.FORM_NOT_FOUND);
  }

  private static AppError stale() {
    return AppError.of(ErrorCode.FORM_VERSION_CONFLICT);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
