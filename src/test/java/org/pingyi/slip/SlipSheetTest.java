package org.pingyi.slip;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.crypto.StoredSecrets;
import org.pingyi.support.Fixtures;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.TestServer;

/** The printed sheet, read back as a phone would: rasterised, QR codes decoded, each leading to a live slip. */
class SlipSheetTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();

  @Test
  void everyQrCodeOnThePrintedSheetDecodesToAnUnusedSlipOfTheEvent() throws Exception {
    var organizer = server.api().asAdmin();
    String eventId = organizer.post("/api/events", Fixtures.event("2026年度民主测评")).bodyAsJsonObject().getString("id");

    var issued = organizer.post("/api/events/" + eventId + "/slips", new JsonObject().put("category", "B").put("count", 3));

    assertThat(issued.statusCode()).as(issued.bodyAsString()).isEqualTo(200);
    assertThat(issued.getHeader("Content-Type")).isEqualTo("application/pdf");
    try (PDDocument pdf = Loader.loadPDF(issued.bodyAsBuffer().getBytes())) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("2026年度民主测评", "干部职工代表", "B-0001", "B-0003", "请用手机扫描二维码");
      BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 150);
      java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
      javax.imageio.ImageIO.write(page, "png", java.nio.file.Path.of("target/screenshots/slip-sheet.png").toFile());
      Result[] codes = new QRCodeMultiReader().decodeMultiple(
          new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))),
          Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
      List<String> urls = Arrays.stream(codes).map(Result::getText).toList();
      assertThat(urls).hasSize(3).allMatch(u -> u.matches(TestServer.PUBLIC_URL + "/v/[A-Za-z0-9_-]{27}"));
      for (String url : urls) {
        String token = url.substring(url.lastIndexOf('/') + 1);
        assertThat(stateOf(token)).isEqualTo("unused");
        // Under each QR code, the same secret in a form a voter can type, and where to type it.
        assertThat(text).contains("票码 " + SlipCodes.of(token));
      }
      assertThat(text).contains("扫码不成功时，用浏览器打开 " + TestServer.PUBLIC_URL + "/v 输入票码");
    }
  }

  private static String stateOf(String token) throws Exception {
    var db = server.database();
    try (var c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         var s = c.prepareStatement("SELECT state FROM slips WHERE token_sha256 = ?")) {
      s.setBytes(1, StoredSecrets.hash(token));
      var rs = s.executeQuery();
      return rs.next() ? rs.getString(1) : "missing";
    }
  }
}
