package org.pingyi.slip;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.crypto.StoredSecrets;
import org.pingyi.support.Api;
import org.pingyi.support.Fixtures;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Slow;
import org.pingyi.support.TestServer;
import org.slf4j.LoggerFactory;

/**
 * Large batches stream: chunked transfer, every slip's token in the file and its hash in the database; a
 * client that hangs up stops the stream, not the server.
 */
@Slow
class SlipBatchStreamingTest {
  private static final String URL_PATTERN = TestServer.PUBLIC_URL + "/v/[A-Za-z0-9_-]{27}";
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  private static Api organizer;

  @BeforeAll
  static void signIn() {
    organizer = server.api().asAdmin().newStaff("organizer", "organizer", "organizer-pass");
  }

  @Test
  void aHundredThousandSlipsStreamAsCsvAndEachTokenMatchesAStoredHash() throws Exception {
    String eventId = newEvent();

    var issued = issue(eventId, "A", 100_000, "csv");

    assertThat(issued.statusCode()).as(issued.bodyAsString()).isEqualTo(200);
    assertStreamed(issued);
    List<String> lines = Arrays.asList(issued.bodyAsString().split("\r\n"));
    assertThat(lines).hasSize(100_001);
    assertThat(lines.get(0)).isEqualTo("\uFEFF序号,投票地址");
    List<String> tokens = new ArrayList<>(100_000);
    for (int i = 1; i <= 100_000; i++) {
      String line = lines.get(i);
      assertThat(line).startsWith(SlipTokens.serial("A", i) + ",").matches("A-\\d{4,6}," + URL_PATTERN);
      tokens.add(line.substring(line.lastIndexOf('/') + 1));
    }
    assertThat(lines.get(100_000)).startsWith("A-100000,");
    assertThat(new HashSet<>(tokens)).hasSize(100_000);
    Collections.shuffle(tokens, new Random(42));
    try (Connection db = connect()) {
      assertThat(storedOf(db, eventId, "A", tokens.subList(0, 1_000))).isEqualTo(1_000);
      assertThat(slipsOf(db, eventId, "A")).isEqualTo(100_000);
      assertThat(slipsOf(db, eventId, "B")).isZero();
      assertThat(auditedRange(db, eventId)).isEqualTo("100000 A-0001 A-100000");
    }
  }

  @Test
  void aTwoThousandSlipPdfStreamsAsValidPagesOfEight() throws Exception {
    String eventId = newEvent();

    var issued = issue(eventId, "B", 2_000, "pdf");

    assertThat(issued.statusCode()).as(issued.bodyAsString()).isEqualTo(200);
    assertThat(issued.getHeader("Content-Type")).isEqualTo("application/pdf");
    assertStreamed(issued);
    try (PDDocument pdf = Loader.loadPDF(issued.bodyAsBuffer().getBytes()); Connection db = connect()) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(250);
      PDFTextStripper lastPage = new PDFTextStripper();
      lastPage.setStartPage(250);
      lastPage.setEndPage(250);
      assertThat(lastPage.getText(pdf)).contains("B-1993", "B-2000").doesNotContain("B-1992");
      // The last page's tokens are derived last: they must match the hashes committed before streaming.
      List<String> tokens = Arrays.stream(qrCodes(pdf, 249)).map(Result::getText)
          .peek(url -> assertThat(url).matches(URL_PATTERN))
          .map(url -> url.substring(url.lastIndexOf('/') + 1)).toList();
      assertThat(tokens).hasSize(8);
      assertThat(storedOf(db, eventId, "B", tokens)).isEqualTo(8);
      assertThat(slipsOf(db, eventId, "B")).isEqualTo(2_000);
    }
  }

  @Test
  void aClientThatHangsUpMidPdfLeavesTheBatchIssuedAndTheServerServing() throws Exception {
    String eventId = newEvent();
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    ((Logger) LoggerFactory.getLogger(SlipRoutes.class)).addAppender(log);

    readSomeOfThePdfAndHangUp(eventId, 20_000);

    // Logged once the rendering worker has given up: OpenPDF's wrapping of the failed write is seen through.
    awaitLogged(log, "The client left while receiving slips A-0001 to A-20000");
    JsonObject counts = organizer.get("/api/events/" + eventId + "/slips/counts").bodyAsJsonArray().getJsonObject(0);
    assertThat(counts.getInteger("issued")).isEqualTo(20_000);
    assertThat(issue(eventId, "A", 8, "pdf").statusCode()).isEqualTo(200);
  }

  private static void readSomeOfThePdfAndHangUp(String eventId, int count) throws Exception {
    byte[] body = new JsonObject().put("category", "A").put("count", count).put("format", "pdf").put("reason", "测试：按需多发").toBuffer().getBytes();
    String head = "POST /api/events/" + eventId + "/slips HTTP/1.1\r\nHost: localhost\r\n"
        + "Authorization: Bearer " + organizer.token() + "\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n";
    try (Socket socket = new Socket("localhost", URI.create(server.baseUrl()).getPort())) {
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().write(body);
      String start = new String(socket.getInputStream().readNBytes(64 * 1024), StandardCharsets.ISO_8859_1);
      assertThat(start).startsWith("HTTP/1.1 200").contains("%PDF-");
    }
  }

  private static void awaitLogged(ListAppender<ILoggingEvent> log, String message) throws InterruptedException {
    for (int i = 0; i < 300 && log.list.stream().noneMatch(e -> e.getFormattedMessage().contains(message)); i++) {
      Thread.sleep(100);
    }
    assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).anyMatch(m -> m.contains(message));
  }

  private static void assertStreamed(HttpResponse<Buffer> issued) {
    assertThat(issued.getHeader("Transfer-Encoding")).isEqualTo("chunked");
    assertThat(issued.getHeader("Content-Length")).isNull();
    assertThat(issued.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(issued.getHeader("Content-Disposition")).startsWith("attachment;");
  }

  private static Result[] qrCodes(PDDocument pdf, int pageIndex) throws Exception {
    var page = new PDFRenderer(pdf).renderImageWithDPI(pageIndex, 150);
    return new QRCodeMultiReader().decodeMultiple(
        new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))),
        Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
  }

  private static HttpResponse<Buffer> issue(String eventId, String category, int count, String format) {
    return organizer.post("/api/events/" + eventId + "/slips",
        new JsonObject().put("category", category).put("count", count).put("reason", "测试：按需多发").put("format", format));
  }

  private static String newEvent() {
    return organizer.post("/api/events", Fixtures.event("大批票签")).bodyAsJsonObject().getString("id");
  }

  private static Connection connect() throws Exception {
    var db = server.database();
    return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
  }

  /** How many of these tokens have their hash stored as an unused slip of the event and category. */
  private static long storedOf(Connection db, String eventId, String category, List<String> tokens) throws Exception {
    try (var query = db.prepareStatement("""
        SELECT count(*) FROM slips
        WHERE token_sha256 = ANY (?) AND event_id = ? AND category_code = ? AND state = 'unused'""")) {
      query.setArray(1, db.createArrayOf("bytea", tokens.stream().map(StoredSecrets::hash).toArray(byte[][]::new)));
      query.setObject(2, UUID.fromString(eventId));
      query.setString(3, category);
      var rows = query.executeQuery();
      rows.next();
      return rows.getLong(1);
    }
  }

  private static long slipsOf(Connection db, String eventId, String category) throws Exception {
    try (var query = db.prepareStatement("SELECT count(*) FROM slips WHERE event_id = ? AND category_code = ?")) {
      query.setObject(1, UUID.fromString(eventId));
      query.setString(2, category);
      var rows = query.executeQuery();
      rows.next();
      return rows.getLong(1);
    }
  }

  private static String auditedRange(Connection db, String eventId) throws Exception {
    try (var query = db.prepareStatement("""
        SELECT details->>'count', details->>'first', details->>'last' FROM audit_log
        WHERE event_id = ? AND action = 'slips.issued'""")) {
      query.setObject(1, UUID.fromString(eventId));
      var rows = query.executeQuery();
      rows.next();
      return rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3);
    }
  }
}
