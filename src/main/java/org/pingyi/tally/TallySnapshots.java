package org.pingyi.tally;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.UUID;
import org.pingyi.ballot.BallotForm;
import org.pingyi.ballot.BallotRepository;
import org.pingyi.ballot.FrozenForm;
import org.pingyi.ballot.FrozenFormCache;
import org.pingyi.board.BoardService;
import org.pingyi.event.EventStatus;
import org.pingyi.form.FormRules;
import org.pingyi.http.AppError;
import org.pingyi.http.ErrorCode;

/**
 * An event's tally as the screens and the console read it, from the counters stored with the ballots
 * ({@link CounterStore}), so that every instance shows the same numbers, a restart loses nothing, and reading it
 * costs the same for ten ballots as for two hundred thousand.
 */
public final class TallySnapshots {
  private static final TallyRepository REPOSITORY = new TallyRepository();

  private final Pool pool;
  private final FrozenFormCache forms;
  private final String publicUrl;

  public TallySnapshots(Pool pool) {
    this(pool, null);
  }

  /** @param publicUrl where phones reach the server, for the receipts board's address; null leaves it out */
  public TallySnapshots(Pool pool, String publicUrl) {
    this.pool = pool;
    this.forms = new FrozenFormCache(new BallotRepository());
    this.publicUrl = publicUrl;
  }

  Future<JsonObject> snapshot(UUID eventId) {
    return REPOSITORY.event(pool, eventId).compose(found -> {
      TallyRepository.EventRow event = found.orElseThrow(() -> AppError.of(ErrorCode.EVENT_NOT_FOUND));
      EventStatus status = EventStatus.fromWire(event.status());
      Disclosure disclosure = disclosure(status, event.screenTurnoutOnly());
      Future<List<BallotForm>> eventForms = status == EventStatus.DRAFT ? Future.succeededFuture(List.of())
          : forms.formsOf(pool, eventId).map(all -> all.stream().map(FrozenForm::parsed).toList());
      return eventForms.compose(parsed -> report(eventId, parsed, event.expectedAttendance(), disclosure)
          .map(report -> new JsonObject()
              .put("event", new JsonObject().put("id", eventId.toString()).put("title", event.title())
                  .put("status", status.wireName()).put("screenTurnoutOnly", event.screenTurnoutOnly()))
              .put("turnoutOnly", disclosure == Disclosure.TURNOUT)
              .put("liveResults", disclosure == Disclosure.LIVE)
              // Results move only when the ballot box mixes at least this many ballots of one category and channel.
              .put("mixBatch", FormRules.mixBatchSize(parsed.stream().map(f -> f.definition().rules()).toList()))
              .mergeIn(TallyJson.of(report)))
          .map(snapshot -> withBoard(snapshot, status, event.boardKey())));
    });
  }

  /**
   * Once voting has closed, where the receipts board is (its address for phones and its QR code): the screen
   * shows it on its last page. Never before the close: the board's key would lead nowhere yet, and staff and
   * screen links are the only readers of a snapshot.
   */
  private JsonObject withBoard(JsonObject snapshot, EventStatus status, String boardKey) {
    if (publicUrl == null || !status.votingOver()) return snapshot;
    String path = BoardService.path(boardKey);
    return snapshot.put("board", new JsonObject().put("url", publicUrl + path).put("path", path)
        .put("qr", path + "/qr.svg").put("pdf", path + "/receipts.pdf"));
  }

  /**
   * Hidden in the data, not in the page: while withheld, no per-option count leaves the server at all; live
   * results give no per-category figure before the close.
   */
  static Disclosure disclosure(EventStatus status, boolean turnoutOnlyWhileOpen) {
    if (status != EventStatus.OPEN) return Disclosure.FINAL;
    return turnoutOnlyWhileOpen ? Disclosure.TURNOUT : Disclosure.LIVE;
  }

  /** The whole report of {@link TallyReport#of} for these frozen forms, as the summary tables lay it out. */
  public Future<TallyReport> report(UUID eventId, List<BallotForm> parsed, long expected, Disclosure disclosure) {
    return report(pool, eventId, parsed, expected, disclosure);
  }

  /** As {@link #report(UUID, List, long, Disclosure)}, read through {@code client}: inside an archiving transaction. */
  public static Future<TallyReport> report(io.vertx.sqlclient.SqlClient client, UUID eventId, List<BallotForm> parsed,
                                           long expected, Disclosure disclosure) {
    return REPOSITORY.categories(client, eventId).compose(categories -> CounterStore.read(client, eventId)
        .map(counters -> TallyReport.of(parsed, counters, categories, expected, disclosure)));
  }

  Future<Buffer> encoded(UUID eventId) {
    return snapshot(eventId).map(JsonObject::toBuffer);
  }
}
