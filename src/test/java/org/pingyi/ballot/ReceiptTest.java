package org.pingyi.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReceiptTest {
  private static final UUID EVENT = UUID.fromString("7d1c9a7e-0000-4000-8000-000000000001");
  private static final String TOKEN = "Zm9yLXRlc3RzLW9ubHktYS1zbGlwLXRva2Vu";
  private static final String NONCE = "q3V1c2VkLW5vbmNlLWZvci10ZXN0cy1vbmx5LXBsZWFzZQ";

  @Test
  void theCodeIsTenCrockfordCharactersInTwoGroups() {
    assertThat(Receipt.of(EVENT, TOKEN, answers("good"), NONCE).code())
        .matches("[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}");
  }

  @Test
  void theReceiptIsTheHashOfItsDocumentedInputSoThatEveryVersionComputesTheSame() throws Exception {
    String canonical = "{\"f\":{\"q5\":\"" + "加强监督。".repeat(2000) + "\"}}";
    byte[] spelledOut = ("pingyi-receipt-v2\n" + EVENT + "\n" + TOKEN + "\n" + canonical + "\n" + NONCE)
        .getBytes(StandardCharsets.UTF_8);
    assertThat(Receipt.of(EVENT, TOKEN, canonical, NONCE).hash())
        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(spelledOut));
  }

  @Test
  void theSameBallotFromTheSamePhoneWithTheSameSlipGivesTheSameReceipt() {
    assertThat(Receipt.of(EVENT, TOKEN, answers("good"), NONCE).code())
        .isEqualTo(Receipt.of(EVENT, TOKEN, answers("good"), NONCE).code());
  }

  @Test
  void otherAnswersAnotherNonceAnotherSlipOrAnotherEventGiveAnotherReceipt() {
    String code = Receipt.of(EVENT, TOKEN, answers("good"), NONCE).code();

    assertThat(Receipt.of(EVENT, TOKEN, answers("poor"), NONCE).code()).isNotEqualTo(code);
    assertThat(Receipt.of(EVENT, TOKEN, answers("good"), NONCE + "x").code()).isNotEqualTo(code);
    // A coercer who knows the answers and the nonce he dictated, but holds only his own slip, cannot recompute it.
    assertThat(Receipt.of(EVENT, TOKEN + "x", answers("good"), NONCE).code()).isNotEqualTo(code);
    assertThat(Receipt.of(UUID.randomUUID(), TOKEN, answers("good"), NONCE).code()).isNotEqualTo(code);
  }

  @Test
  void unheldReceiptsAreUniqueAndFullLength() {
    assertThat(Receipt.unheld().hash()).hasSize(32).isNotEqualTo(Receipt.unheld().hash());
  }

  @Test
  void theCanonicalFormEscapesWhatJsonNeedsAndNothingElse() {
    Map<String, Object> answers = new LinkedHashMap<>();
    answers.put("q5", "他说\"好\"\n\\");
    answers.put("q4", List.of("p1", "p3"));

    assertThat(CanonicalJson.write(answers)).isEqualTo("{\"q5\":\"他说\\\"好\\\"\\n\\\\\",\"q4\":[\"p1\",\"p3\"]}");
  }

  private static Map<String, Object> answers(String q1) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("q1", q1);
    return Map.of("f1", form);
  }
}
