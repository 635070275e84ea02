package org.pingyi.paper;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pingyi.auditlog.AuditLog;
import org.pingyi.ballot.BallotValidator;
import org.pingyi.ballot.CanonicalJson;
import org.pingyi.ballot.FrozenForm;
import org.pingyi.ballot.FrozenFormCache;
import org.pingyi.ballot.PlainJson;
import org.pingyi.ballot.Receipt;
import org.pingyi.ballot.Strictness;
import org.pingyi.box.BallotBox;
import org.pingyi.box.Mixer;
import org.pingyi.box.NewBallot;
import org.pingyi.box.Receipts;
import org.pingyi.event.Event;
import org.pingyi.event.EventLocks;
import org.pingyi.event.EventService;
import org.pingyi.event.EventStatus;
import org.pingyi.http.AppError;
import org.pingyi.http.ErrorCode;
import org.pingyi.paper.PaperRepository.Entry;
import org.pingyi.slip.PaperSlips;
import org.pingyi.slip.SlipState;
import org.pingyi.staff.Staff;
import org.pingyi.tally.CountedBallot;
import org.pingyi.tally.TallyCounters;

/**
 * 双人录入 of paper ballots. A clerk enters a paper ballot under the serial of its slip; a second clerk enters it
 * independently; when the two entries say the same, the slip is consumed and the ballot dropped into the ballot
 * box exactly as a phone's is, and the entries are deleted. Entries that differ wait, side by side, until the wrong one
 * is discarded (after checking the paper) and entered again.
 */
public final class PaperService {
  private final Pool pool;
  private final EventService events;
  private final AuditLog audit;
  private final BallotBox box;
  private final Mixer mixer;
  private final PaperRepository paper = new PaperRepository();
  private final FrozenFormCache forms;

  public PaperService(Pool pool, EventService events, AuditLog audit, FrozenFormCache forms, BallotBox box,
                      Mixer mixer) {
    this.pool = pool;
    this.events = events;
    this.audit = audit;
    this.box = box;
    this.mixer = mixer;
    this.forms = forms;
  }

  /** What one entry led to. */
  public enum Outcome {
    AWAITING_SECOND("awaiting_second"), COUNTED("counted"), MISMATCH("mismatch");

    final String wireName;

    Outcome(String wireName) {
      this.wireName = wireName;
    }
  }

  Future<JsonObject> enter(Staff clerk, UUID eventId, String serial, boolean unreadable, Object answers) {
    return enterInTransaction(clerk, eventId, serial, unreadable, answers).compose(result -> {
      // Once voting has closed, a counted paper ballot is mixed at once (with stored ones of its group), in a
      // transaction of its own, so that the results the clerk reads next include it.
      if (!Outcome.COUNTED.wireName.equals(result.getString("status"))) return Future.succeededFuture(result);
      return events.get(pool, eventId).compose(event -> event.status() == EventStatus.OPEN
          ? Future.succeededFuture(result) : mixer.mixNow(eventId).map(moved -> result));
    });
  }

  private Future<JsonObject> enterInTransaction(Staff clerk, UUID eventId, String serial, boolean unreadable,
                                                Object answers) {
    return pool.withTransaction(tx -> acceptingEvent(tx, eventId)
        .compose(event -> PaperSlips.lock(tx, eventId, serial))
        .compose(slip -> {
          if (slip.isEmpty()) throw AppError.of(ErrorCode.SLIP_NOT_FOUND, "没有这个票签编号：" + serial);
          if (slip.get().getKey() == SlipState.VOID) throw AppError.of(ErrorCode.SLIP_VOID, "票签 " + serial + " 已作废");
          if (slip.get().getKey() == SlipState.USED) {
            throw AppError.of(ErrorCode.SLIP_USED, "票签 " + serial + " 已投票或已计入，不能再录入");
          }
          String category = slip.get().getValue();
          return forms.formsOf(tx, eventId).compose(all -> {
            Map<String, Object> normalised = normalise(all, unreadable, answers);
            return paper.entries(tx, eventId, serial).compose(entries ->
                decide(tx, clerk, eventId, serial, category, unreadable, normalised, all, entries));
          });
        }));
  }

  Future<JsonArray> pending(UUID eventId) {
    return events.get(pool, eventId).compose(event -> paper.allEntries(pool, eventId)).map(PaperService::bySerial);
  }

  Future<Void> discard(Staff actor, UUID eventId, String serial, UUID entryId) {
    return pool.withTransaction(tx -> events.get(tx, eventId)
        .compose(event -> PaperSlips.lock(tx, eventId, serial))
        .compose(slip -> paper.deleteEntry(tx, eventId, serial, entryId))
        .compose(deleted -> {
          if (deleted.isEmpty()) throw AppError.of(ErrorCode.ENTRY_NOT_FOUND);
          return audit.append(tx, AuditLog.Entry.by(actor, "paper.entry_discarded", "slip", serial, eventId,
              new JsonObject().put("clerk", deleted.get())));
        }));
  }

  /**
   * The receipt codes of every ballot, for publishing once voting has closed: a list that grew during voting
   * would let an onlooker match a new code to the person who had just voted.
   */
  Future<JsonObject> receipts(UUID eventId) {
    return events.get(pool, eventId).compose(event -> {
      if (!event.status().votingOver()) {
        throw AppError.of(ErrorCode.EVENT_NOT_CLOSED, "投票结束后才能公布回执码");
      }
      return Receipts.codes(pool, eventId).map(codes -> new JsonObject().put("title", event.details().title())
          .put("count", codes.size()).put("receipts", new JsonArray(codes)));
    });
  }

  Future<JsonArray> counts(UUID eventId) {
    return events.get(pool, eventId).compose(event -> paper.counts(pool, eventId));
  }

  /** Paper is counted while voting is open and after it closes (the ballot box is opened then), until archiving. */
  private Future<Event> acceptingEvent(SqlClient tx, UUID eventId) {
    return events.get(tx, eventId).compose(event -> EventLocks.status(tx, eventId).map(status -> {
      if (status != EventStatus.OPEN && status != EventStatus.CLOSED) {
        throw AppError.of(ErrorCode.EVENT_NOT_COUNTING);
      }
      return event;
    }));
  }

  private static Map<String, Object> normalise(List<FrozenForm> all, boolean unreadable, Object answers) {
    if (unreadable) {
      if (answers instanceof Map<?, ?> map && !map.isEmpty()) {
        throw AppError.invalidField("answers", "无法辨认的票不录入选项，请清空后再提交");
      }
      return new LinkedHashMap<>();
    }
    BallotValidator.Result checked =
        BallotValidator.check(all.stream().map(FrozenForm::parsed).toList(), answers, Strictness.PAPER);
    if (!checked.valid()) throw checked.refusal();
    return checked.answers();
  }

  private Future<JsonObject> decide(SqlClient tx, Staff clerk, UUID eventId, String serial, String category,
                                    boolean unreadable, Map<String, Object> answers, List<FrozenForm> all,
                                    List<Entry> entries) {
    if (entries.stream().anyMatch(e -> e.clerkId().equals(clerk.id()))) {
      throw AppError.of(ErrorCode.SAME_CLERK, "您已录入过票签 " + serial + "，第二遍须由另一名工作人员独立录入");
    }
    if (entries.size() >= 2) {
      throw AppError.of(ErrorCode.ENTRIES_DIFFER, "票签 " + serial + " 的两次录入不一致，请先核对纸质票，删除录错的一条");
    }
    Future<Void> logged = audit.append(tx, AuditLog.Entry.by(clerk, "paper.entered", "slip", serial, eventId,
        new JsonObject()));
    if (entries.isEmpty()) {
      return logged.compose(v -> paper.insertEntry(tx, eventId, serial, clerk.id(), clerk.displayName(), unreadable, answers))
          .map(v -> outcome(serial, Outcome.AWAITING_SECOND));
    }
    Entry first = entries.get(0);
    if (first.unreadable() == unreadable && (unreadable || sameAnswers(first, answers, all))) {
      NewBallot ballot = new NewBallot(eventId, category, NewBallot.PAPER, unreadable, CanonicalJson.write(answers),
          Receipt.unheld().hash(), TallyCounters.held(all.stream().map(FrozenForm::parsed).toList(),
              new CountedBallot(category, NewBallot.PAPER, unreadable, answers)));
      return logged.compose(v -> PaperSlips.use(tx, eventId, serial))
          .compose(v -> box.drop(tx, List.of(ballot)))
          .compose(v -> paper.deleteEntries(tx, eventId, serial))
          .compose(v -> audit.append(tx, AuditLog.Entry.by(clerk, "paper.counted", "slip", serial, eventId,
              new JsonObject())))
          .map(v -> outcome(serial, Outcome.COUNTED));
    }
    return logged.compose(v -> paper.insertEntry(tx, eventId, serial, clerk.id(), clerk.displayName(), unreadable, answers))
        .compose(v -> paper.entries(tx, eventId, serial))
        .map(both -> outcome(serial, Outcome.MISMATCH).put("entries", entriesJson(both, true)));
  }

  private static boolean sameAnswers(Entry first, Map<String, Object> answers, List<FrozenForm> all) {
    // jsonb does not keep key order: normalise the stored entry again before comparing the exact texts.
    Map<String, Object> stored = BallotValidator.check(all.stream().map(FrozenForm::parsed).toList(),
        PlainJson.of(first.answers()), Strictness.PAPER).answers();
    return CanonicalJson.write(stored).equals(CanonicalJson.write(answers));
  }

  private static JsonObject outcome(String serial, Outcome outcome) {
    return new JsonObject().put("serial", serial).put("status", outcome.wireName);
  }

  /** Pending serials; a lone first entry hides its answers, so that the second clerk enters independently. */
  private static JsonArray bySerial(List<Entry> entries) {
    Map<String, List<Entry>> grouped = new LinkedHashMap<>();
    entries.forEach(e -> grouped.computeIfAbsent(e.serial(), s -> new java.util.ArrayList<>()).add(e));
    JsonArray out = new JsonArray();
    grouped.forEach((serial, list) -> {
      boolean mismatch = list.size() >= 2;
      out.add(new JsonObject().put("serial", serial).put("category", list.get(0).categoryCode())
          .put("status", (mismatch ? Outcome.MISMATCH : Outcome.AWAITING_SECOND).wireName)
          .put("entries", entriesJson(list, mismatch)));
    });
    return out;
  }

  private static JsonArray entriesJson(List<Entry> entries, boolean withAnswers) {
    JsonArray out = new JsonArray();
    for (Entry e : entries) {
      JsonObject json = new JsonObject().put("id", e.id().toString()).put("clerk", e.clerkName());
      if (withAnswers) json.put("unreadable", e.unreadable()).put("answers", e.answers());
      out.add(json);
    }
    return out;
  }
}
