package org.pingyi.slip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The typed code: the token's 160 bits, no more, as 32 unambiguous characters in groups of four. */
class SlipCodesTest {

  @Test
  void aTokenBecomesEightGroupsOfFourAndBackAgainWhateverTheCase() {
    try (BatchTokens tokens = BatchTokens.fresh()) {
      for (int i = 0; i < 50; i++) {
        String token = tokens.token(i);
        String code = SlipCodes.of(token);

        assertThat(code).matches("([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}");
        assertThat(SlipCodes.token(code)).isEqualTo(token);
        assertThat(SlipCodes.token(code.toLowerCase().replace("-", " "))).isEqualTo(token);
      }
    }
  }

  @Test
  void lettersMistakenForDigitsReadAsTheDigits() {
    String token = "AAAAAAAAAAAAAAAAAAAAAAAAAAA";
    String code = SlipCodes.of(token);

    assertThat(code).isEqualTo("0000-0000-0000-0000-0000-0000-0000-0000");
    assertThat(SlipCodes.token(code.replace('0', 'O'))).isEqualTo(token);
    assertThat(SlipCodes.token("1111-1111-1111-1111-1111-1111-1111-1111"))
        .isEqualTo(SlipCodes.token("IIII-LLLL-iiii-llll-1111-1111-1111-1111"));
  }
}
