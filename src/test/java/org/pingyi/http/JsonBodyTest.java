package org.pingyi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The one strict decoding of request bodies, as plain Java: what it accepts, and why it refuses the rest. */
class JsonBodyTest {

  @Test
  void anObjectIsDecodedWithItsTextNumbersAndNesting() {
    var body = JsonBody.parse(Buffer.buffer("{\"title\":\"评议 😀\",\"n\":12,\"w\":1.5,\"list\":[{\"a\":null}],\"ok\":true}"));

    assertThat(body.getString("title")).isEqualTo("评议 😀");
    assertThat(body.getInteger("n")).isEqualTo(12);
    assertThat(body.getDouble("w")).isEqualTo(1.5);
    assertThat(body.getJsonArray("list").getJsonObject(0).containsKey("a")).isTrue();
    assertThat(body.getBoolean("ok")).isTrue();
  }

  @Test
  void duplicateKeysAreRefused() {
    assertRefused("{\"title\":\"a\",\"title\":\"b\"}", "invalid_json", "重复");
  }

  @Test
  void invalidOrOverlongUtf8AndUtf16AreRefused() {
    assertRefused(bytes('{', '"', 't', '"', ':', '"', 0xC0, 0xAF, '"', '}'), "invalid_json");
    assertRefused(bytes('{', '"', 't', '"', ':', '"', 0xED, 0xA0, 0x80, '"', '}'), "invalid_json");
    assertRefused(Buffer.buffer("{\"t\":\"x\"}".getBytes(StandardCharsets.UTF_16LE)), "invalid_json");
  }

  @Test
  void nulAndLoneSurrogatesAreRefusedAtTheirPath() {
    AppError nul = refusal(Buffer.buffer("{\"categories\":[{\"name\":\"a\\u0000b\"}]}"));
    AppError surrogate = refusal(Buffer.buffer("{\"\\ud800\":1}"));

    assertThat(nul.fields()).containsKey("categories[0].name");
    assertThat(surrogate.code()).isEqualTo("invalid_input");
  }

  @Test
  void deepNestingHugeNumbersAndTrailingContentAreRefused() {
    assertRefused("{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}", "invalid_json", "嵌套");
    assertRefused("[".repeat(10_000) + "]".repeat(10_000), "invalid_json");
    assertRefused("{\"a\":1e400}", "invalid_input", "数字超出范围");
    assertRefused("{\"a\":" + "9".repeat(5000) + "}", "invalid_json");
    assertRefused("{} {}", "invalid_json");
    assertRefused("[1]", "invalid_json", "JSON 对象");
    assertRefused("{'a':1}", "invalid_json");
  }

  private static void assertRefused(String body, String code, String... words) {
    assertRefused(Buffer.buffer(body), code, words);
  }

  private static void assertRefused(Buffer body, String code, String... words) {
    AppError error = refusal(body);
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.code()).isEqualTo(code);
    for (String word : words) assertThat(error.getMessage()).contains(word);
  }

  private static AppError refusal(Buffer body) {
    assertThatThrownBy(() -> JsonBody.parse(body)).isInstanceOf(AppError.class);
    try {
      JsonBody.parse(body);
      throw new AssertionError("accepted");
    } catch (AppError e) {
      return e;
    }
  }

  private static Buffer bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) out[i] = (byte) values[i];
    return Buffer.buffer(out);
  }
}
