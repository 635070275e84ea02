package org.pingyi.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.RawHttp;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Slow;

/**
 * The per-address cap must not hurt an honest crowd: 2,000 phones behind one NAT, each holding a kept-alive
 * connection, all reach the server from one address (here 127.0.0.1) with the default limits, and all are served,
 * twice over the same connections.
 */
@Slow
class CrowdBehindOneAddressTest {
  private static final int PHONES = 2_000;
  private static final byte[] REQUEST = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  @RegisterExtension
  static final ServerExtension server = new ServerExtension();

  @Test
  void twoThousandKeptAliveConnectionsFromOneAddressAreAllServed() throws IOException {
    assertThat(ConnectionLimits.DEFAULT_PER_ADDRESS).isGreaterThanOrEqualTo(PHONES);
    List<Socket> phones = new ArrayList<>();
    try {
      for (int i = 0; i < PHONES; i++) phones.add(new Socket("127.0.0.1", URI.create(server.baseUrl()).getPort()));

      for (int round = 1; round <= 2; round++) {
        for (Socket phone : phones) phone.getOutputStream().write(REQUEST);
        int served = 0;
        for (Socket phone : phones) {
          phone.setSoTimeout(30_000);
          try {
            if (RawHttp.readAnswer(phone.getInputStream()).statusLine().equals("HTTP/1.1 200 OK")) served++;
          } catch (IOException closed) {
            // refused: counted as not served
          }
        }

        assertThat(served).as("round %d", round).isEqualTo(PHONES);
      }
    } finally {
      for (Socket phone : phones) phone.close();
    }
  }
}
