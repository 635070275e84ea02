package org.pingyi.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The proof of work and the follow-up codes, in plain Java: what any instance accepts, and for how long. */
class ProofOfWorkTest {
  private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

  @Test
  void aSolvedChallengeIsAcceptedByAnyInstanceSharingTheSecretAndExpiresAfterThreeHours() {
    String challenge = at(NOW, "shared-secret").issue();
    String nonce = ProofOfWork.solve(challenge, ProofOfWork.BITS);

    assertThat(at(NOW.plus(Duration.ofMinutes(179)), "shared-secret").check(challenge, nonce))
        .isEqualTo(ProofOfWork.Verdict.VALID);
    assertThat(at(NOW.plus(Duration.ofMinutes(181)), "shared-secret").check(challenge, nonce))
        .isEqualTo(ProofOfWork.Verdict.EXPIRED);
    assertThat(at(NOW, "another-secret").check(challenge, nonce)).isEqualTo(ProofOfWork.Verdict.WRONG);
    assertThat(at(NOW, "shared-secret").check(challenge, nonce + "0")).isEqualTo(ProofOfWork.Verdict.WRONG);
    assertThat(at(NOW, "shared-secret").check(challenge.replace('.', ','), nonce)).isEqualTo(ProofOfWork.Verdict.WRONG);
  }

  @Test
  void aFollowUpCodeReadsTheSameHoweverItIsTypedAndNothingElseReadsAsOne() {
    String code = FollowUpCodes.fresh();

    assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}");
    assertThat(FollowUpCodes.hash(code.toLowerCase().replace("-", " ").replace('0', 'o').replace('1', 'l')))
        .isEqualTo(FollowUpCodes.hash(code));
    assertThat(FollowUpCodes.plain(code.substring(1))).isEmpty();
    assertThat(FollowUpCodes.plain(code.replace(code.charAt(0), 'U'))).isEmpty();
  }

  private static ProofOfWork at(Instant now, String secret) {
    return new ProofOfWork(secret, Clock.fixed(now, ZoneOffset.UTC));
  }
}
