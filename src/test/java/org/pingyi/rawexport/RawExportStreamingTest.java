package org.pingyi.rawexport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.CsvReader;
import org.pingyi.support.Db;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Slow;
import org.pingyi.support.TestDatabase;

/** Large raw exports stream in chunks, and a client that hangs up gives back the worker and the database connection. */
@Slow
class RawExportStreamingTest {
  private static final int COPIES = 1_000;
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  private static Api organizer;
  private static String eventId;
  private static Db db;

  @BeforeAll
  static void aThousandCopiesOfTwentyOneBallots() {
    organizer = server.api().asAdmin();
    Api clerk = server.api().asAdmin().newStaff("clerk2", "clerk", "clerk2-password");
    eventId = CastBallots.cast(organizer, clerk, "大型导出", 10, 10, 0).voting.eventId;
    // Copies of real ballots with receipts of their own: the export reads rows, it does not care how they came.
    TestDatabase.execute(server.database(), """
        INSERT INTO ballots (event_id, category_code, channel, unreadable, answers, receipt_sha256)
        SELECT b.event_id, b.category_code, b.channel, b.unreadable, b.answers, sha256(b.receipt_sha256 || int4send(i))
        FROM ballots b, generate_series(1, %d) AS i WHERE b.event_id = '%s'""".formatted(COPIES - 1, eventId));
    db = new Db(server.database());
  }

  @Test
  void twentyOneThousandBallotsStreamAsChunkedCsvWithEveryRow() {
    var csv = organizer.get("/api/events/" + eventId + "/exports/ballots.csv");

    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.getHeader("Transfer-Encoding")).isEqualTo("chunked");
    assertThat(csv.getHeader("Content-Length")).isNull();
    assertThat(CsvReader.read(csv.bodyAsString().substring(1))).hasSize(21 * COPIES + 1);
  }

  @Test
  void clientsThatHangUpMidExportLeaveNoTransactionOpenAndTheNextExportWorks() throws Exception {
    // More hang-ups than the pool has connections: a leak would leave the last export waiting forever.
    for (int i = 0; i < 10; i++) readSomeAndHangUp(i % 2 == 0 ? "ballots.csv" : "ballots.json");

    awaitNoOpenTransaction();
    var json = organizer.get("/api/events/" + eventId + "/exports/ballots.json");
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.bodyAsJsonObject().getJsonArray("ballots")).hasSize(21 * COPIES);
  }

  private static void readSomeAndHangUp(String file) throws Exception {
    String request = "GET /api/events/" + eventId + "/exports/" + file + " HTTP/1.1\r\nHost: localhost\r\n"
        + "Authorization: Bearer " + organizer.token() + "\r\n\r\n";
    try (Socket socket = new Socket("localhost", URI.create(server.baseUrl()).getPort())) {
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      String start = new String(socket.getInputStream().readNBytes(16 * 1024), StandardCharsets.ISO_8859_1);
      assertThat(start).startsWith("HTTP/1.1 200");
    }
  }

  private static void awaitNoOpenTransaction() throws InterruptedException {
    String open = """
        SELECT count(*) FROM pg_stat_activity
        WHERE datname = current_database() AND state LIKE 'idle in transaction%' AND pid <> pg_backend_pid()""";
    for (int i = 0; i < 600 && db.count(open) > 0; i++) Thread.sleep(100);
    assertThat(db.count(open)).isZero();
  }
}
