package org.pingyi.feedback;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.util.List;
import java.util.UUID;
import org.pingyi.auditlog.AuditLog;
import org.pingyi.staff.Role;
import org.pingyi.staff.Staff;
import org.pingyi.http.AppError;
import org.pingyi.http.ErrorCode;

/**
 * The staff side of the feedback boxes: creating a box, reading its mixed messages, triaging them (已阅, 转办,
 * 办结 with a reply) and granting the right to do so. Every change is audited, who, what and when, and never with
 * a message's text or a reply's: the audit log is read by more people than the messages are.
 */
public final class FeedbackService {
  private final Pool pool;
  private final AuditLog audit;
  private final FeedbackRepository repository = new FeedbackRepository();

  public FeedbackService(Pool pool, AuditLog audit) {
    this.pool = pool;
    this.audit = audit;
  }

  /** Organizers and admins, and any account an admin granted the right to. */
  Future<Boolean> mayTriage(Staff staff) {
    if (staff.mayActAs(Role.ORGANIZER)) return Future.succeededFuture(true);
    return repository.handles(pool, staff.id());
  }

  Future<List<FeedbackRepository.Box>> boxes() {
    return repository.boxes(pool);
  }

  Future<FeedbackRepository.Box> box(UUID id) {
    return repository.box(pool, id).map(found -> found.orElseThrow(FeedbackService::boxNotFound));
  }

  Future<UUID> createBox(Staff staff, FeedbackInput.NewBox box) {
    return pool.withTransaction(tx -> {
      Future<Boolean> event = box.eventId() == null ? Future.succeededFuture(true)
          : repository.eventExists(tx, box.eventId());
      return event.compose(exists -> {
        if (!exists) throw AppError.invalidField("eventId", "活动不存在");
        return repository.insertBox(tx, box, staff.id());
      }).compose(id -> audit.append(tx, AuditLog.Entry.by(staff, "feedback.box_created", "feedback_box", id,
          box.eventId(), new JsonObject().put("title", box.title()))).map(id));
    });
  }

  Future<List<FeedbackRepository.Message>> messages(UUID boxId) {
    return box(boxId).compose(box -> repository.messages(pool, boxId));
  }

  /** One step on a message; 办结 needs a reply (given now or before), and a message once 办结 stays so. */
  Future<Void> triage(Staff staff, UUID messageId, FeedbackInput.Triage step) {
    return pool.withTransaction(tx -> repository.lockMessage(tx, messageId).compose(found -> {
      Row message = found.orElseThrow(() -> AppError.of(ErrorCode.MESSAGE_NOT_FOUND));
      MessageStatus from = MessageStatus.fromWire(message.getString("status")).orElseThrow();
      if (from == MessageStatus.DONE) throw AppError.of(ErrorCode.MESSAGE_DONE);
      if (step.status() == MessageStatus.DONE && step.reply().isEmpty() && message.getString("reply").isEmpty()) {
        throw AppError.invalidField("reply", "办结须填写答复，提交人凭查询码可以看到");
      }
      JsonObject details = new JsonObject().put("box", message.getUUID("box_id").toString())
          .put("from", from.wireName()).put("to", step.status().wireName()).put("replied", !step.reply().isEmpty());
      if (!step.referredTo().isEmpty()) details.put("referredTo", step.referredTo());
      return repository.triage(tx, messageId, step).compose(v -> audit.append(tx, AuditLog.Entry.by(staff,
          "feedback." + step.status().wireName(), "feedback_message", messageId, null, details)));
    }));
  }

  /** Records that a box's messages were exported, before they are written out. */
  Future<List<FeedbackRepository.Message>> export(Staff staff, UUID boxId) {
    return box(boxId).compose(box -> pool.withTransaction(tx -> repository.messages(tx, boxId)
        .compose(messages -> audit.append(tx, AuditLog.Entry.by(staff, "feedback.exported", "feedback_box", boxId,
            box.eventId(), new JsonObject().put("title", box.title()).put("count", messages.size()))).map(messages))));
  }

  Future<List<FeedbackRepository.Handler>> handlers() {
    return repository.handlers(pool);
  }

  Future<Void> setHandler(Staff admin, UUID accountId, boolean handles) {
    return pool.withTransaction(tx -> repository.accountExists(tx, accountId).compose(exists -> {
      if (!exists) throw AppError.of(ErrorCode.ACCOUNT_NOT_FOUND);
      return repository.setHandler(tx, accountId, handles).compose(v -> audit.append(tx, AuditLog.Entry.by(admin,
          handles ? "feedback.handler_granted" : "feedback.handler_revoked", "account", accountId, null,
          new JsonObject())));
    }));
  }

  static AppError boxNotFound() {
    return AppError.of(ErrorCode.BOX_NOT_FOUND);
  }
}
