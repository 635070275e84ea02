package org.pingyi.tally;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.UUID;
import org.pingyi.ballot.BallotForm;
import org.pingyi.ballot.FrozenForm;
import org.pingyi.ballot.FrozenFormCache;
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
  private final BoardLinks boardLinks;

  /** @param boardLinks where the receipts board is, added to a snapshot once voting is over */
  public TallySnapshots(Pool pool, FrozenFormCache forms, BoardLinks boardLinks) {
    this.pool = pool;
    this.forms = forms;
    this.boardLinks = boardLinks;
  }

  public Future<JsonObject> snapshot(UUID eventId) {
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

  private JsonObject withBoard(JsonObject snapshot, EventStatus status, String boardKey) {
    return boardLinks.of(status, boardKey).map(link -> snapshot.put("board", link)).orElse(snapshot);
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

  public Future<Buffer> encoded(UUID eventId) {
    return snapshot(eventId).map(JsonObject::toBuffer);
  }
}
