package org.pingyi.slip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A batch's tokens come from its seed: the same seed gives the same tokens, and closing drops the seed. */
class BatchTokensTest {

  @Test
  void tokenIIsTheFirst160BitsOfHmacSha256OfTheSeedAndI() {
    // Computed independently: Python's hmac.new(bytes(range(32)), i.to_bytes(4, 'big'), sha256), base64url.
    try (BatchTokens tokens = new BatchTokens(counting())) {
      assertThat(tokens.token(0)).isEqualTo("qGrLy8Kbj6g8g1gtVqiS0PBvDkg");
      assertThat(tokens.token(1)).isEqualTo("mUEfJL-p7o4UThMsRrO30fbWv74");
      assertThat(tokens.token(100_000)).isEqualTo("W57D8KMi-1GUtUip6iuD6j2IvhA");
    }
  }

  @Test
  void theSameSeedDerivesTheSameTokensInAnyOrder() {
    try (BatchTokens first = new BatchTokens(counting()); BatchTokens again = new BatchTokens(counting())) {
      String late = again.token(4_999);
      assertThat(first.token(0)).isEqualTo(again.token(0));
      assertThat(first.token(4_999)).isEqualTo(late);
    }
  }

  @Test
  void tokensAreDistinctAcrossABatchAndAcrossSeeds() {
    Set<String> seen = new HashSet<>();
    try (BatchTokens one = BatchTokens.fresh(); BatchTokens other = BatchTokens.fresh()) {
      IntStream.range(0, 20_000).forEach(i -> {
        assertThat(seen.add(one.token(i))).isTrue();
        assertThat(seen.add(other.token(i))).isTrue();
      });
    }
  }

  @Test
  void tokensCarry160BitsInUrlSafeCharacters() {
    try (BatchTokens tokens = BatchTokens.fresh()) {
      for (int i = 0; i < 1_000; i++) {
        String token = tokens.token(i);
        assertThat(token).matches("[A-Za-z0-9_-]{27}");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(20);
      }
    }
  }

  @Test
  void closingZeroesTheSeedAndStopsDerivation() {
    byte[] seed = counting();
    BatchTokens tokens = new BatchTokens(seed);
    tokens.token(0);

    tokens.close();

    assertThat(seed).containsOnly(0);
    assertThatThrownBy(() -> tokens.token(0)).isInstanceOf(IllegalStateException.class);
  }

  private static byte[] counting() {
    byte[] seed = new byte[BatchTokens.SEED_BYTES];
    for (int i = 0; i < seed.length; i++) seed[i] = (byte) i;
    return seed;
  }
}
