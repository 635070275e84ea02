package org.pingyi.support;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.pingyi.support.BodyMutations.Mutation;
import org.pingyi.support.HostileRequest.Expect;

/** Bodies broken as a whole: every one is refused with a 4xx (413 beyond the body limit). */
final class Structural {
  static final String JSON = "application/json";
  private static final int API_BODY_LIMIT = 1024 * 1024;

  private Structural() {
  }

  static List<Mutation> of(Supplier<JsonObject> sample) {
    List<Mutation> all = new ArrayList<>();
    for (String text : List.of("", "   \n", "null", "[]", "[{}]", "123", "\"text\"", "true", "{", "{\"a\":",
        "{'title':'x'}", "{title:1}", "/* comment */ {}", "{\"a\":NaN}", "{\"a\":01}", "{\"a\":1,}", "{\"a\" 1}",
        "title=x&count=1", "<?xml version=\"1.0\"?><a/>", "\u0000{}", "{}{}", "{} x")) {
      all.add(refused("body " + BodyMutations.quote(text), () -> text.getBytes(StandardCharsets.UTF_8), 400));
    }
    all.add(refused("truncated body", () -> truncated(sample.get()), 400));
    all.add(refused("trailing brace", () -> (sample.get().encode() + "}").getBytes(StandardCharsets.UTF_8), 400));
    all.add(refused("body twice", () -> (sample.get().encode() + sample.get().encode()).getBytes(StandardCharsets.UTF_8), 400));
    all.add(refused("duplicate keys", () -> duplicated(sample.get()), 400));
    all.add(refused("UTF-16 body", () -> sample.get().encode().getBytes(StandardCharsets.UTF_16LE), 400));
    for (int[] bad : new int[][] {{0xC3, 0x28}, {0xFF}, {0xC0, 0xAF}, {0x80}, {0xED, 0xA0, 0x80}, {0xE4, 0xBD}, {0xF8, 0x88, 0x80, 0x80, 0x80}}) {
      all.add(refused("invalid UTF-8 " + java.util.Arrays.toString(bad), () -> withBytes(sample.get(), bad), 400));
    }
    all.add(refused("10,000 nested arrays", () -> ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.US_ASCII), 400));
    all.add(refused("10,000 nested objects", () -> ("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000))
        .getBytes(StandardCharsets.US_ASCII), 400));
    all.add(refused("100 levels inside a field", () -> sample.get().put("deep", MARK_DEEP).encode()
        .replace("\"" + MARK_DEEP + "\"", "[".repeat(100) + "]".repeat(100)).getBytes(StandardCharsets.UTF_8), 400));
    all.add(refused("2 MB string", () -> withFirstString(sample.get(), "x".repeat(2 * API_BODY_LIMIT)), 413));
    all.add(refused("1.5 MB array", () -> sample.get().put("items", hugeArray()).encode().getBytes(StandardCharsets.UTF_8), 413));
    all.add(refused("a 20,000-digit number", () -> sample.get().put("n", MARK_DEEP).encode()
        .replace("\"" + MARK_DEEP + "\"", "9".repeat(20_000)).getBytes(StandardCharsets.UTF_8), 400));
    return all;
  }

  private static final String MARK_DEEP = "@@DEEP@@";

  private static Mutation refused(String label, Supplier<byte[]> body, int status) {
    return new Mutation(label, body, JSON, Expect.REFUSED, status);
  }

  private static byte[] truncated(JsonObject body) {
    byte[] all = body.encode().getBytes(StandardCharsets.UTF_8);
    return java.util.Arrays.copyOf(all, Math.max(1, all.length / 2));
  }

  private static byte[] duplicated(JsonObject body) {
    String first = body.fieldNames().iterator().next();
    String encoded = body.encode();
    String again = new JsonObject().put(first, body.getValue(first)).encode();
    return ("{" + again.substring(1, again.length() - 1) + "," + encoded.substring(1)).getBytes(StandardCharsets.UTF_8);
  }

  /** The body with its first text value's characters replaced by the given raw bytes. */
  private static byte[] withBytes(JsonObject body, int[] bad) {
    byte[] raw = new byte[bad.length];
    for (int i = 0; i < bad.length; i++) raw[i] = (byte) bad[i];
    String encoded = new String(withFirstString(body, MARK_DEEP), StandardCharsets.UTF_8);
    int at = encoded.indexOf(MARK_DEEP);
    if (at < 0) {
      encoded = body.put("bad", MARK_DEEP).encode();
      at = encoded.indexOf(MARK_DEEP);
    }
    Buffer out = Buffer.buffer().appendString(encoded.substring(0, at)).appendBytes(raw)
        .appendString(encoded.substring(at + MARK_DEEP.length()));
    return out.getBytes();
  }

  private static byte[] withFirstString(JsonObject body, String value) {
    for (String key : body.fieldNames()) {
      if (body.getValue(key) instanceof String) {
        return body.put(key, value).encode().getBytes(StandardCharsets.UTF_8);
      }
    }
    return body.put("text", value).encode().getBytes(StandardCharsets.UTF_8);
  }

  private static io.vertx.core.json.JsonArray hugeArray() {
    io.vertx.core.json.JsonArray array = new io.vertx.core.json.JsonArray();
    for (int i = 0; i < 300_000; i++) array.add(12345);
    return array;
  }
}
