package org.pingyi.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class Sha256Test {
  @Test
  void hashingTextIsHashingItsUtf8BytesWhateverItsLengthAndContent() throws Exception {
    String chinese = "加强监督，改进作风。";
    String beyondOneBuffer = chinese.repeat(1000) + "𠀀".repeat(300);   // 30 KB and more, with supplementary characters
    // Refused at the door (org.pingyi.http.JsonBody), hashed like getBytes anyway.
    String[] loneSurrogates = {"a\uD800b", "x\uDC00y", "end\uD800", "\uDC00\uD800"};
    for (String text : new String[] {"", "ascii", "é and ü", chinese, beyondOneBuffer, loneSurrogates[0], loneSurrogates[1],
        loneSurrogates[2], loneSurrogates[3]}) {
      MessageDigest ours = Sha256.digest();
      Sha256.updateUtf8(ours, text);
      byte[] hash = ours.digest();
      assertThat(hash).as(text.length() + " characters")
          .isEqualTo(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
  }
}
