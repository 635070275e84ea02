package org.pingyi.slip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlipTokensTest {

  @Test
  void tokensCarryAtLeast128RandomBitsInUrlSafeCharacters() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String token = SlipTokens.newToken();
      assertThat(token).matches("[A-Za-z0-9_-]{27}");
      assertThat(seen.add(token)).isTrue();
    }
    assertThat(SlipTokens.TOKEN_BYTES * 8).isGreaterThanOrEqualTo(128);
  }

  @Test
  void theStoredHashIsSha256AndNotTheToken() {
    String token = SlipTokens.newToken();

    byte[] hash = SlipTokens.hash(token);

    assertThat(hash).hasSize(32);
    assertThat(SlipTokens.hash(token)).isEqualTo(hash);
    assertThat(new String(hash, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(token);
  }

  @Test
  void serialsArePaddedToFourDigitsAndGrowBeyond() {
    assertThat(SlipTokens.serial("A", 42)).isEqualTo("A-0042");
    assertThat(SlipTokens.serial("B", 12345)).isEqualTo("B-12345");
  }
}
