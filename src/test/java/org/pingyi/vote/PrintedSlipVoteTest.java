package org.pingyi.vote;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.IssuedTokens;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.TestServer;
import org.pingyi.support.Voting;

/** From paper to ballot: print a sheet, scan one slip's QR code as a phone would, and vote through it. */
class PrintedSlipVoteTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();

  @Test
  void aQrCodeScannedFromThePrintedSheetCastsABallot() throws Exception {
    Api organizer = server.api().asAdmin();
    Voting voting = Voting.open(organizer, "2026年度一报告两评议");
    var sheet = organizer.post("/api/events/" + voting.eventId + "/slips", new JsonObject().put("category", "A").put("count", 2));

    String url = scanFirstSlip(sheet.bodyAsBuffer().getBytes());
    IssuedTokens.registerFrom(url);
    assertThat(url).startsWith(TestServer.PUBLIC_URL + "/v/");
    // The phone reaches the server at the printed public address; the test reaches the same server locally.
    String path = url.substring(TestServer.PUBLIC_URL.length());
    String token = path.substring("/v/".length());

    var page = server.api().get(path);
    var paper = server.api().get("/api/v/" + token);
    var cast = server.api().post("/api/v/" + token, Voting.ballot(Voting.newNonce(), voting.validAnswers()));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(paper.bodyAsJsonObject().getJsonObject("category").getString("name")).isEqualTo("领导班子成员");
    assertThat(cast.statusCode()).as(cast.bodyAsString()).isEqualTo(201);
    assertThat(server.api().get("/api/v/" + token).bodyAsJsonObject().getString("error")).isEqualTo("slip_used");
  }

  /** Renders the first page at 150 dpi (a middling phone photo of a print) and decodes one of its QR codes. */
  private static String scanFirstSlip(byte[] pdfBytes) throws Exception {
    try (PDDocument pdf = Loader.loadPDF(pdfBytes)) {
      BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 150);
      Result[] codes = new QRCodeMultiReader().decodeMultiple(
          new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))),
          Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
      return codes[0].getText();
    }
  }
}
