package org.pingyi.slip;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.UUID;
import org.pingyi.auditlog.AuditLog;
import org.pingyi.staff.Staff;
import org.pingyi.event.Event;
import org.pingyi.event.EventService;
import org.pingyi.event.EventStatus;
import org.pingyi.event.VoterCategory;
import org.pingyi.http.AppError;
import org.pingyi.http.ErrorCode;

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

  /**
   * Issues a batch and commits it: the hashes of its tokens, the batch row and the audit entry. The tokens
   * themselves are never stored; the returned batch derives them again for the one file sent, and must be
   * closed afterwards to drop its seed.
   */
  Future<IssuedBatch> issue(Staff actor, UUID eventId, String category, int count, String reason,
                            boolean unreachableUrl) {
    BatchTokens tokens = BatchTokens.fresh();
    return pool.withTransaction(tx -> events.lock(tx, eventId)
            .compose(event -> issuable(event, category))
            .compose(event -> beyondExpected(tx, event, category, count, reason).compose(beyond ->
                slips.nextNumber(tx, eventId, category).map(first -> new IssuedBatch(
                        event.details().title(), category, categoryName(event, category), first, count, tokens))
                    .compose(batch -> record(tx, actor, eventId, category, batch, reason, beyond, unreachableUrl)))))
        .andThen(done -> {
          if (done.failed()) tokens.close();
        });
  }

  Future<JsonArray> counts(UUID eventId) {
    return events.get(pool, eventId).compose(event -> slips.counts(pool, eventId));
  }

  /**
   * The unused serials, once voting has closed. Not while it is open: a list refreshed during voting would show
   * which slip was just used, and a clerk who handed out the slips knows whose slip that was.
   */
  Future<Unused> unused(UUID eventId) {
    return events.get(pool, eventId).compose(event -> {
      if (!event.status().votingOver()) {
        return Future.failedFuture(AppError.of(ErrorCode.EVENT_NOT_CLOSED, "投票结束后才能列出未使用的票签编号"));
      }
      return UnusedSerials.of(pool, eventId).map(categories -> new Unused(event.details().title(), categories));
    });
  }

  /** An event's title and its unused serials, for the printed list. */
  record Unused(String eventTitle, java.util.List<UnusedSerials.Category> categories) {
    long total() {
      return categories.stream().mapToLong(UnusedSerials.Category::count).sum();
    }
  }

  /**
   * After voting closes: the slips still unused were handed out and not returned (or never handed out); declaring
   * them so accounts for every issued slip in the record. Paper ballots must be entered before this. With
   * {@code expected}, the number the organizer confirmed, nothing is declared if another hand changed it meanwhile.
   */
  Future<Integer> declareUnreturned(Staff actor, UUID eventId, Integer expected) {
    return pool.withTransaction(tx -> events.lock(tx, eventId).compose(event -> {
      if (event.status() != EventStatus.CLOSED) {
        return Future.failedFuture(AppError.of(ErrorCode.EVENT_NOT_CLOSED, "投票结束后才能登记未收回的票签"));
      }
      return slips.declareUnreturned(tx, eventId).compose(count -> {
        if (expected != null && count.intValue() != expected.intValue()) {
          return Future.failedFuture(AppError.of(ErrorCode.SLIP_COUNT_CHANGED, "未使用的票签现在是 " + count
              + " 张，不是确认时的 " + expected + " 张：请刷新后重新核对"));
        }
        return audit.append(tx, AuditLog.Entry.by(actor, "slips.unreturned", "event", eventId, eventId,
            new JsonObject().put("count", count))).map(count);
      });
    }));
  }

  Future<Void> voidSlip(Staff actor, UUID eventId, String serial) {
    return voidSlips(actor, eventId, java.util.List.of(serial));
  }

  /** Voids these unused slips, all or none: the first that cannot be voided fails the whole request, saying why. */
  Future<Void> voidSlips(Staff actor, UUID eventId, java.util.List<String> serials) {
    return pool.withTransaction(tx -> events.lock(tx, eventId).compose(event -> {
      if (event.status() == EventStatus.ARCHIVED) {
        // The archived record (and its manifest hashes) must stay what was signed.
        return Future.failedFuture(AppError.of(ErrorCode.EVENT_ARCHIVED, "活动已归档，不能再作废票签"));
      }
      Future<Void> chain = Future.succeededFuture();
      for (String serial : serials) chain = chain.compose(v -> voidOne(tx, actor, eventId, serial));
      return chain;
    }));
  }

  private Future<Void> voidOne(SqlClient tx, Staff actor, UUID eventId, String serial) {
    return slips.voidSlip(tx, eventId, serial).compose(voided -> voided
        ? audit.append(tx, AuditLog.Entry.by(actor, "slip.voided", "slip", serial, eventId, new JsonObject()))
        : slips.state(tx, eventId, serial).compose(state -> Future.failedFuture(state.isEmpty()
            ? AppError.of(ErrorCode.SLIP_NOT_FOUND, "没有这个票签编号：" + serial)
            : AppError.of(ErrorCode.SLIP_NOT_VOIDABLE, "票签 " + serial + switch (state.get()) {
              case USED -> " 已投票，不能作废";
              case UNRETURNED -> " 已登记为未收回";
              case VOID, UNUSED -> " 已作废";
            }))));
  }

  /**
   * How many slips this batch issues beyond the category's 应到 (0 if none): allowed (spoilt slips get replaced),
   * but only with a reason, which the audit log keeps, since 实到 above 应到 is what an inspection asks about.
   */
  private Future<Long> beyondExpected(SqlClient tx, Event event, String category, int count, String reason) {
    int expected = category(event, category).map(VoterCategory::expected).orElse(0);
    if (expected <= 0) return Future.succeededFuture(0L);
    return slips.outstanding(tx, event.id(), category).map(issued -> {
      long beyond = issued + count - expected;
      if (beyond > 0 && (reason == null || reason.isBlank())) {
        throw AppError.of(ErrorCode.OVER_EXPECTED, "类别“" + categoryName(event, category) + "”应到 " + expected
            + " 人，已发出 " + issued + " 张，再发 " + count + " 张将超出应到人数 " + beyond + " 张。如确需多发，请填写原因",
            java.util.Map.of("reason", "超出应到人数时须填写原因"));
      }
      return Math.max(0, beyond);
    });
  }

  private static Future<Event> issuable(Event event, String category) {
    if (event.status() != EventStatus.DRAFT && event.status() != EventStatus.OPEN) {
      return Future.failedFuture(AppError.of(ErrorCode.EVENT_NOT_ISSUING));
    }
    if (categoryName(event, category) == null) {
      return Future.failedFuture(AppError.invalidField("category", "活动没有这个参评人员类别：" + category));
    }
    return Future.succeededFuture(event);
  }

  private static String categoryName(Event event, String category) {
    return category(event, category).map(VoterCategory::name).orElse(null);
  }

  private static java.util.Optional<VoterCategory> category(Event event, String code) {
    return event.details().categories().stream().filter(c -> c.code().equals(code)).findFirst();
  }

  private Future<IssuedBatch> record(SqlClient tx, Staff actor, UUID eventId, String category,
                                     IssuedBatch batch, String reason, long beyondExpected, boolean unreachableUrl) {
    int count = batch.count();
    JsonObject details = new JsonObject().put("category", category).put("count", count)
        .put("first", batch.firstSerial()).put("last", batch.lastSerial());
    if (beyondExpected > 0) details.put("beyondExpected", beyondExpected).put("reason", reason);
    // Issued knowingly with an address phones cannot open: the record says so.
    if (unreachableUrl) details.put("publicUrlUnreachable", true);
    return slips.insertBatch(tx, eventId, category, batch.firstNumber(), count, actor.id())
        .compose(batchId -> slips.insertSlips(tx, eventId, category, batchId, count, batch::slip))
        .compose(v -> audit.append(tx, AuditLog.Entry.by(actor, "slips.issued", "event", eventId, eventId, details)))
        .map(batch);
  }
}
