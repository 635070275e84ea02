package org.pingyi.slip;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.pingyi.audit.AuditLog;
import org.pingyi.auth.Staff;
import org.pingyi.event.EventService;
import org.pingyi.event.EventStatus;
import org.pingyi.http.AppError;

/** Issuing slips per voter category, voiding lost ones by serial, and counting them. */
public final class SlipService {
  static final int MAX_BATCH = 100_000;

  private final Pool pool;
  private final EventService events;
  private final AuditLog audit;
  private final SlipRepository slips = new SlipRepository();

  public SlipService(Pool pool, EventService events, AuditLog audit) {
    this.pool = pool;
    this.events = events;
    this.audit = audit;
  }

  /** A batch just issued, with what its printed sheet shows. */
  record Batch(String eventTitle, String categoryName, List<IssuedSlip> slips) {
  }

  /** Issues a batch; the tokens are returned once and never stored. */
  Future<Batch> issue(Staff actor, UUID eventId, String category, int count) {
    return pool.withTransaction(tx -> events.lock(tx, eventId).compose(event -> {
      if (event.status() != EventStatus.DRAFT && event.status() != EventStatus.OPEN) {
        return Future.failedFuture(AppError.conflict("event_not_issuing", "只有草稿或投票中的活动可以发放票签"));
      }
      var known = event.details().categories().stream().filter(c -> c.code().equals(category)).findFirst();
      if (known.isEmpty()) {
        return Future.failedFuture(AppError.invalidField("category", "活动没有这个参评人员类别：" + category));
      }
      return slips.nextNumber(tx, eventId, category).compose(first -> {
        List<IssuedSlip> batch = newSlips(category, first, count);
        return slips.insertBatch(tx, eventId, category, first, count, actor.id())
            .compose(batchId -> slips.insertSlips(tx, eventId, category, batchId, batch))
            .compose(v -> audit.append(tx, AuditLog.Entry.by(actor, "slips.issued", "event", eventId, eventId,
                new JsonObject().put("category", category).put("count", count)
                    .put("first", batch.get(0).serial()).put("last", batch.get(count - 1).serial()))))
            .map(new Batch(event.details().title(), known.get().name(), batch));
      });
    }));
  }

  Future<JsonArray> counts(UUID eventId) {
    return events.get(pool, eventId).compose(event -> slips.counts(pool, eventId));
  }

  Future<Void> voidSlip(Staff actor, UUID eventId, String serial) {
    return pool.withTransaction(tx -> events.lock(tx, eventId).compose(event -> slips.voidSlip(tx, eventId, serial))
        .compose(voided -> voided
            ? audit.append(tx, AuditLog.Entry.by(actor, "slip.voided", "slip", serial, eventId, new JsonObject()))
            : slips.state(tx, eventId, serial).compose(state -> Future.failedFuture(state.isEmpty()
                ? AppError.notFound("slip_not_found", "没有这个票签编号：" + serial)
                : AppError.conflict("slip_not_voidable", "票签 " + serial + " 已" + ("used".equals(state.get())
                    ? "投票，不能作废" : "作废"))))));
  }

  private static List<IssuedSlip> newSlips(String category, int first, int count) {
    List<IssuedSlip> batch = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      batch.add(new IssuedSlip(SlipTokens.serial(category, first + i), SlipTokens.newToken()));
    }
    return batch;
  }
}
