package org.pingyi.ballot;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for casting: reading a slip with its event, consuming it, storing the ballot. */
public final class BallotRepository {
  private static final String SLIP = """
      SELECT s.state, s.event_id, s.category_code, c.name AS category_name, e.status,
             e.title, e.organizing_unit, e.event_date, e.venue
      FROM slips s JOIN events e ON e.id = s.event_id
                   JOIN voter_categories c ON c.event_id = s.event_id AND c.code = s.category_code
      WHERE s.token_sha256 = $1""";
  private static final String FROZEN_FORMS = """
      SELECT id, definition FROM forms WHERE event_id = $1 AND frozen_at IS NOT NULL ORDER BY position""";
  // KEY SHARE: many casts proceed together, but closing the event (FOR UPDATE) waits for them, and a cast
  // that starts after the close sees it: no ballot is accepted once the event is closed.
  private static final String EVENT_STATUS = "SELECT status FROM events WHERE id = $1 FOR KEY SHARE";
  private static final String CONSUME = """
      UPDATE slips SET state = 'used' WHERE token_sha256 = $1 AND state = 'unused'""";
  private static final String INSERT = """
      INSERT INTO ballots (event_id, category_code, channel, unreadable, answers, receipt_sha256)
      VALUES ($1, $2, $3, $4, $5, $6)""";
  // Sorted by the hash itself: the list's order says nothing about when each ballot came in.
  private static final String RECEIPTS = "SELECT receipt_sha256 FROM ballots WHERE event_id = $1 ORDER BY receipt_sha256";
  private static final String RECEIPT_EXISTS = """
      SELECT 1 FROM ballots WHERE event_id = $1 AND receipt_sha256 = $2""";

  /** A slip as the voter's page needs it: its state, category and event. */
  public record SlipView(String state, UUID eventId, String categoryCode, String categoryName, String eventStatus,
                         JsonObject event) {
  }

  Future<Optional<SlipView>> slip(SqlClient client, byte[] tokenHash) {
    return client.preparedQuery(SLIP).execute(Tuple.of(Buffer.buffer(tokenHash))).map(rows -> {
      if (rows.size() == 0) return Optional.empty();
      Row row = rows.iterator().next();
      JsonObject event = new JsonObject().put("title", row.getString("title"))
          .put("organizingUnit", row.getString("organizing_unit"))
          .put("date", row.getLocalDate("event_date") == null ? null : row.getLocalDate("event_date").toString())
          .put("venue", row.getString("venue"));
      return Optional.of(new SlipView(row.getString("state"), row.getUUID("event_id"), row.getString("category_code"),
          row.getString("category_name"), row.getString("status"), event));
    });
  }

  Future<List<FrozenForm>> frozenForms(SqlClient client, UUID eventId) {
    return client.preparedQuery(FROZEN_FORMS).execute(Tuple.of(eventId)).map(rows -> {
      List<FrozenForm> forms = new ArrayList<>();
      rows.forEach(row -> forms.add(FrozenForm.of(row.getUUID("id"), row.getJsonObject("definition"))));
      return forms;
    });
  }

  Future<String> lockEventStatus(SqlClient tx, UUID eventId) {
    return tx.preparedQuery(EVENT_STATUS).execute(Tuple.of(eventId))
        .map(rows -> rows.iterator().next().getString("status"));
  }

  /** True when this call turned the slip from unused to used. */
  Future<Boolean> consume(SqlClient tx, byte[] tokenHash) {
    return tx.preparedQuery(CONSUME).execute(Tuple.of(Buffer.buffer(tokenHash))).map(rows -> rows.rowCount() == 1);
  }

  Future<Void> insert(SqlClient tx, NewBallot ballot) {
    return tx.preparedQuery(INSERT).execute(Tuple.of(ballot.eventId(), ballot.categoryCode(), ballot.channel(),
        ballot.unreadable(), new JsonObject(ballot.answers()), Buffer.buffer(ballot.receipt().hash()))).mapEmpty();
  }

  Future<List<String>> receiptCodes(SqlClient client, UUID eventId) {
    return client.preparedQuery(RECEIPTS).execute(Tuple.of(eventId)).map(rows -> {
      List<String> codes = new ArrayList<>(rows.size());
      rows.forEach(row -> codes.add(new Receipt(row.getBuffer("receipt_sha256").getBytes()).code()));
      return codes;
    });
  }

  Future<Boolean> receiptExists(SqlClient client, UUID eventId, Receipt receipt) {
    return client.preparedQuery(RECEIPT_EXISTS).execute(Tuple.of(eventId, Buffer.buffer(receipt.hash())))
        .map(rows -> rows.size() > 0);
  }
}
