package org.pingyi.tally;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The tally's JSON is what the big screen and API clients read: for rich reports it stays byte for byte what it
 * was when the report was plain maps (tally/rich-reports.json, captured from that code), field order included.
 */
class TallyJsonTest {

  @Test
  void richReportsEncodeExactlyAsBeforeTheReportWasTyped() throws IOException {
    JsonObject now = new JsonObject();
    RichReports.all().forEach(now::put);
    try (InputStream in = TallyJsonTest.class.getResourceAsStream("/tally/rich-reports.json")) {
      String golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(now.encodePrettily() + "\n").isEqualTo(golden);
    }
  }
}
