package org.pingyi.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The phones' address: what is certainly unreachable from a phone is named, anything else passes. */
class PhoneReachTest {

  @Test
  void loopbackUnspecifiedAndLinkLocalAddressesAreNamedAsUnreachable() {
    assertThat(PhoneReach.problem("http://localhost:8080")).hasValueSatisfying(p -> assertThat(p).contains("本机"));
    assertThat(PhoneReach.problem("http://pingyi.localhost")).isPresent();
    assertThat(PhoneReach.problem("http://127.0.0.1:8080")).hasValueSatisfying(p -> assertThat(p).contains("回环"));
    assertThat(PhoneReach.problem("http://127.1.2.3")).isPresent();
    assertThat(PhoneReach.problem("http://[::1]:8080")).hasValueSatisfying(p -> assertThat(p).contains("回环"));
    assertThat(PhoneReach.problem("http://0.0.0.0:8080")).hasValueSatisfying(p -> assertThat(p).contains("所有网卡"));
    assertThat(PhoneReach.problem("http://[::]:8080")).isPresent();
    assertThat(PhoneReach.problem("http://169.254.10.20:8080")).hasValueSatisfying(p -> assertThat(p).contains("链路本地"));
    assertThat(PhoneReach.problem("http://[fe80::1]:8080")).isPresent();
  }

  @Test
  void lanAddressesAndNamesPass() {
    assertThat(PhoneReach.problem("http://192.168.1.10:8080")).isEmpty();
    assertThat(PhoneReach.problem("http://10.0.0.5")).isEmpty();
    assertThat(PhoneReach.problem("https://pingyi.example.gov.cn")).isEmpty();
    assertThat(PhoneReach.problem("http://[2001:db8::1]:8080")).isEmpty();
  }
}
