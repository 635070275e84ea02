package org.pingyi.box;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.pingyi.ballot.Receipt;

/** The receipt codes of an event's stored ballots: what the receipts board and the paper desk publish. */
public final class Receipts {
  // Sorted by the hash: the list's order says nothing about the order the ballots came in (nor does the code,
  // its first 50 bits, sort any differently).
  private static final String RECEIPTS = "SELECT receipt_sha256 FROM ballots WHERE event_id = $1 ORDER BY receipt_sha256";

  private Receipts() {
  }

  /** Every receipt code of the event's stored ballots, sorted. */
  public static Future<List<String>> codes(SqlClient client, UUID eventId) {
    return client.preparedQuery(RECEIPTS).execute(Tuple.of(eventId)).map(rows -> {
      List<String> codes = new ArrayList<>(rows.size());
      rows.forEach(row -> codes.add(new Receipt(row.getBuffer("receipt_sha256").getBytes()).code()));
      return codes;
    });
  }
}
