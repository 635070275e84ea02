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
    String loneSurrogate = "a\uD800b";                                   // refused at the door, hashed like getBytes anyway
    for (String text : new String[] {"", "ascii", chinese, beyondOneBuffer, loneSurrogate}) {
      MessageDigest ours = Sha256.digest();
      Sha256.updateUtf8(ours, text);
      byte[] hash = ours.digest();
      assertThat(hash).as(text.length() + " characters")
          .isEqualTo(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
  }
}
