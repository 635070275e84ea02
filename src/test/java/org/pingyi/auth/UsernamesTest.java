package org.pingyi.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a username typed at a failed sign-in is written to the audit log. */
class UsernamesTest {
  @Test
  void aNameThatCouldBeAnAccountsIsKeptAsTyped() {
    assertThat(Usernames.forAudit("Wang.Li-2")).isEqualTo("Wang.Li-2");
    assertThat(Usernames.forAudit("a".repeat(50))).isEqualTo("a".repeat(50));
  }

  @Test
  void aShortPrintableNameIsKeptEvenIfNoAccountCanHaveIt() {
    assertThat(Usernames.forAudit("张三")).isEqualTo("张三");
    assertThat(Usernames.forAudit("wang li")).isEqualTo("wang li");
  }

  @Test
  void controlFormatAndSeparatorCharactersAreReplaced() {
    assertThat(Usernames.forAudit("a\nb\tc\rd\u0085e\u202ef\u200bg\u2028h\u2029i\u0000"))
        .isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFDh\uFFFDi\uFFFD");
  }

  @Test
  void aLongNameIsCutToItsFirstCharactersAndMarked() {
    String cut = Usernames.forAudit("x".repeat(99) + "!");

    assertThat(cut).isEqualTo("x".repeat(Usernames.AUDITED_LENGTH) + "…");
  }

  @Test
  void aCharacterOutsideTheBasicPlaneIsCountedOnceAndNeverSplit() {
    String cut = Usernames.forAudit("😀".repeat(40));

    assertThat(cut).isEqualTo("😀".repeat(Usernames.AUDITED_LENGTH) + "…");
  }
}
