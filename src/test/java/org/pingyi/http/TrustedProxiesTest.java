package org.pingyi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Whose address a request has: the peer's, or behind trusted proxies the first untrusted hop from the right. */
class TrustedProxiesTest {
  private final TrustedProxies nginx = TrustedProxies.parse("127.0.0.1, ::1, 10.1.0.0/16");

  @Test
  void aPeerThatIsNoTrustedProxyIsTheClientWhateverItsHeaderSays() {
    assertThat(nginx.clientOf("198.51.100.4", List.of("203.0.113.7"))).isEqualTo("198.51.100.4");
    assertThat(TrustedProxies.none().clientOf("127.0.0.1", List.of("203.0.113.7"))).isEqualTo("127.0.0.1");
  }

  @Test
  void behindATrustedProxyTheLastHopItAddedIsTheClient() {
    assertThat(nginx.clientOf("127.0.0.1", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
    assertThat(nginx.clientOf("0:0:0:0:0:0:0:1", List.of("2001:db8::7"))).isEqualTo("2001:db8:0:0:0:0:0:7");
  }

  @Test
  void aForgedHeaderFromThePhoneIsAppendedToAndSoIgnored() {
    // The phone sent "X-Forwarded-For: 192.0.2.99"; nginx appended the phone's real address.
    assertThat(nginx.clientOf("127.0.0.1", List.of("192.0.2.99, 203.0.113.7"))).isEqualTo("203.0.113.7");
    assertThat(nginx.clientOf("127.0.0.1", List.of("192.0.2.99", "203.0.113.7"))).isEqualTo("203.0.113.7");
  }

  @Test
  void hopsThroughSeveralTrustedProxiesAreSkipped() {
    assertThat(nginx.clientOf("127.0.0.1", List.of("203.0.113.7, 10.1.4.2"))).isEqualTo("203.0.113.7");
  }

  @Test
  void garbageEndsTheWalkAtTheTrustedHopBeforeIt() {
    assertThat(nginx.clientOf("127.0.0.1", List.of("not-an-address"))).isEqualTo("127.0.0.1");
    assertThat(nginx.clientOf("127.0.0.1", List.of("203.0.113.7, 10.1.4.2:8080"))).isEqualTo("127.0.0.1");
    assertThat(nginx.clientOf("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
  }

  @Test
  void blocksMatchByTheirPrefix() {
    assertThat(nginx.trusts("10.1.255.255")).isTrue();
    assertThat(nginx.trusts("10.2.0.1")).isFalse();
    assertThat(TrustedProxies.parse("192.168.0.0/20").trusts("192.168.15.1")).isTrue();
    assertThat(TrustedProxies.parse("192.168.0.0/20").trusts("192.168.16.1")).isFalse();
    assertThat(nginx.trusts("localhost")).as("a name is never trusted").isFalse();
  }

  @Test
  void anEntryThatIsNoAddressIsRefused() {
    assertThatThrownBy(() -> TrustedProxies.parse("proxy.example.org")).hasMessageContaining("proxy.example.org");
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining("prefix");
  }
}
