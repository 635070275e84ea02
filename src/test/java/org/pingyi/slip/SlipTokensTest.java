package org.pingyi.slip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pingyi.crypto.StoredSecrets;

class SlipTokensTest {

  @Test
  void theStoredHashIsSha256AndNotTheToken() {
    String token = BatchTokens.fresh().token(0);

    byte[] hash = StoredSecrets.hash(token);

    assertThat(hash).hasSize(32);
    assertThat(StoredSecrets.hash(token)).isEqualTo(hash);
    assertThat(new String(hash, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(token);
  }

  @Test
  void serialsArePaddedToFourDigitsAndGrowBeyond() {
    assertThat(SlipTokens.serial("A", 42)).isEqualTo("A-0042");
    assertThat(SlipTokens.serial("B", 12345)).isEqualTo("B-12345");
  }
}
