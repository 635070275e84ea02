package org.pingyi.board;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.TestServer;

/**
 * The receipts board over HTTP, without an account: nothing at all before voting closes (the same 404 as an unknown
 * key), then every receipt code sorted, as JSON, a page, a printable PDF and a QR code of the board's address.
 */
class BoardApiTest {
  private static final Pattern CODE = Pattern.compile("[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}");
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  private static Api organizer;
  private static Api anonymous;
  private static BoardEvent closed;
  private static BoardEvent open;

  @BeforeAll
  static void voteAndClose() {
    organizer = server.api().asAdmin();
    Api clerk = server.api().asAdmin().newStaff("clerk", "clerk", "clerk-password");
    anonymous = server.api();
    closed = BoardEvent.open(server, organizer, "回执码公布测试").phones(server, organizer, 7).paper(organizer, clerk, 2)
        .close(organizer);
    open = BoardEvent.open(server, organizer, "仍在投票").phones(server, organizer, 3);
  }

  @Test
  void beforeTheCloseEveryDataAddressOfTheBoardIsThe404OfAKeyThatDoesNotExist() {
    String unknown = "/r/" + "0123456789abcdef0123456789abcdef";
    var json = anonymous.get(open.path() + "/receipts.json");
    var page = anonymous.get(open.path());

    assertThat(json.statusCode()).isEqualTo(404);
    assertThat(json.bodyAsJsonObject().getString("error")).isEqualTo("board_not_found");
    assertThat(json.bodyAsString()).isEqualTo(anonymous.get(unknown + "/receipts.json").bodyAsString())
        .doesNotContain("仍在投票");
    // The page itself holds nothing: the same bytes for this key, an unknown one and a closed event's.
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.bodyAsString()).isEqualTo(anonymous.get(unknown).bodyAsString())
        .isEqualTo(anonymous.get(closed.path()).bodyAsString()).doesNotContain("仍在投票");
    for (String file : List.of("/receipts.pdf", "/qr.svg")) {
      assertThat(anonymous.get(open.path() + file).statusCode()).as(file).isEqualTo(404);
    }
    assertThat(anonymous.get("/r/not-a-key/receipts.json").statusCode()).isEqualTo(404);
    assertThat(organizer.get("/api/events/" + open.voting.eventId + "/tally").bodyAsJsonObject().containsKey("board"))
        .isFalse();
  }

  @Test
  void afterTheCloseAnyoneGetsEveryReceiptCodeSortedAndNothingElse() {
    var response = anonymous.get(closed.path() + "/receipts.json");
    JsonObject board = response.bodyAsJsonObject();
    List<String> codes = board.getJsonArray("receipts").stream().map(String.class::cast).toList();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(board.fieldNames()).containsExactlyInAnyOrder("event", "count", "receipts");
    assertThat(board.getJsonObject("event").getString("title")).isEqualTo("回执码公布测试");
    // Seven phones and two paper ballots: one code each; the phones' are the ones they showed.
    assertThat(board.getInteger("count")).isEqualTo(9);
    assertThat(codes).hasSize(9).allMatch(code -> CODE.matcher(code).matches()).doesNotHaveDuplicates()
        .containsAll(closed.phoneReceipts).isSorted();
    assertThat(codes).isNotEqualTo(closed.phoneReceipts);
  }

  @Test
  void thePageIsServedWithoutAnAccountAndAnswersHeadToo() {
    var page = anonymous.get(closed.path());
    var head = anonymous.send(io.vertx.core.http.HttpMethod.HEAD, closed.path(), null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.getHeader("Content-Type")).startsWith("text/html");
    assertThat(page.bodyAsString()).contains("<title>回执码公布</title>", "/board/board.js", "查找我的回执码");
    assertThat(head.statusCode()).isEqualTo(200);
  }

  @Test
  void thePrintableListCarriesTheEventAndEveryCodeInAnEmbeddedChineseFont() throws Exception {
    var response = anonymous.get(closed.path() + "/receipts.pdf");
    List<String> codes = anonymous.get(closed.path() + "/receipts.json").bodyAsJsonObject().getJsonArray("receipts")
        .stream().map(String.class::cast).toList();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/pdf");
    assertThat(response.getHeader("Content-Disposition")).contains("filename*=UTF-8''");
    try (PDDocument pdf = Loader.loadPDF(response.body().getBytes())) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("回执码公布", "回执码公布测试", "共 9 个回执码", "本页：" + codes.get(0) + " 至 " + codes.get(8));
      assertThat(codes).allMatch(text::contains);
      var font = pdf.getPage(0).getResources().getFont(pdf.getPage(0).getResources().getFontNames().iterator().next());
      assertThat(font.getName()).contains("NotoSansCJK");
      assertThat(font.isEmbedded()).isTrue();
    }
  }

  @Test
  void theQrCodeReadsAsTheBoardsAddressForPhones() throws Exception {
    var response = anonymous.get(closed.path() + "/qr.svg");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).isEqualTo("image/svg+xml");
    assertThat(decode(response.bodyAsString())).isEqualTo(TestServer.PUBLIC_URL + closed.path());
  }

  @Test
  void theClosedTallyTellsTheScreenWhereTheBoardIs() {
    JsonObject board = organizer.get("/api/events/" + closed.voting.eventId + "/tally").bodyAsJsonObject()
        .getJsonObject("board");

    assertThat(board.getString("url")).isEqualTo(TestServer.PUBLIC_URL + closed.path());
    assertThat(board.getString("qr")).isEqualTo(closed.path() + "/qr.svg");
  }

  /** The SVG's dark modules read back into a matrix (its quiet zone of 4 cut off) and decoded as a phone would. */
  private static String decode(String svg) throws Exception {
    int size = Integer.parseInt(svg.replaceAll("(?s).*viewBox=\"0 0 (\\d+) .*", "$1"));
    int margin = 4;
    BitMatrix modules = new BitMatrix(size - 2 * margin);
    Matcher dark = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
    List<int[]> found = new ArrayList<>();
    while (dark.find()) found.add(new int[] {Integer.parseInt(dark.group(1)), Integer.parseInt(dark.group(2))});
    found.forEach(xy -> modules.set(xy[0] - margin, xy[1] - margin));
    return new Decoder().decode(modules).getText();
  }
}
