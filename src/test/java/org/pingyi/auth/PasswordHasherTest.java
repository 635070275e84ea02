package org.pingyi.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  @Test
  void aHashVerifiesItsPasswordAndNoOther() {
    String stored = PasswordHasher.hash("correct horse");

    assertThat(PasswordHasher.verify("correct horse", stored)).isTrue();
    assertThat(PasswordHasher.verify("correct horsE", stored)).isFalse();
  }

  @Test
  void theSamePasswordHashesDifferentlyEachTimeBecauseOfTheSalt() {
    assertThat(PasswordHasher.hash("same")).isNotEqualTo(PasswordHasher.hash("same"));
  }

  @Test
  void theHashRecordsAtLeastTheRequiredIterationsAndNeverThePassword() {
    String stored = PasswordHasher.hash("secret-password");

    String[] parts = stored.split("\\$");
    assertThat(parts[0]).isEqualTo("pbkdf2-sha256");
    assertThat(Integer.parseInt(parts[1])).isGreaterThanOrEqualTo(210_000);
    assertThat(stored).doesNotContain("secret-password");
  }

  @Test
  void aMalformedStoredValueNeverMatches() {
    assertThat(PasswordHasher.verify("x", "plain-text")).isFalse();
    assertThat(PasswordHasher.verify("x", "pbkdf2-sha256$abc$%%%$%%%")).isFalse();
  }
}
