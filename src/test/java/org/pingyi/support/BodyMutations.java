package org.pingyi.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.pingyi.support.HostileRequest.Expect;

/**
 * Hostile variants of a valid request body: broken as a whole (truncated, not JSON, not an object, invalid
 * UTF-8, too deep, too large, duplicate keys, wrong Content-Type) and field by field (every field given a
 * wrong type, an out-of-range number, and every text field given injection payloads and unstorable text).
 */
public final class BodyMutations {
  /** Fields mutated per body: enough to reach every kind of field of every route, not every cadre row. */
  private static final int MAX_FIELDS = 30;
  private static final String MARK = "@@HOSTILE@@";

  /** One variant: its body and Content-Type (null for no header), and what the server must answer. */
  public record Mutation(String label, Supplier<byte[]> body, String contentType, Expect expect, int status) {
  }

  private BodyMutations() {
  }

  public static List<Mutation> of(Supplier<JsonObject> sample) {
    List<Mutation> all = new ArrayList<>(Structural.of(sample));
    for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/xml", "application/json; charset=utf-16", "text/json")) {
      all.add(new Mutation("Content-Type " + type, () -> bytes(sample.get()), type, Expect.REFUSED, 415));
    }
    all.add(new Mutation("no Content-Type", () -> bytes(sample.get()), null, Expect.REFUSED, 415));
    all.add(new Mutation("unknown fields are ignored", () -> bytes(sample.get().put("__proto__",
        new JsonObject().put("isAdmin", true)).put("isAdmin", true).put("status", "archived")
        .put("$where", "1==1")), Structural.JSON, Expect.STORED_AS_TEXT, 0));
    List<List<Object>> paths = new ArrayList<>();
    collect(sample.get(), new ArrayList<>(), paths);
    for (List<Object> path : paths.subList(0, Math.min(MAX_FIELDS, paths.size()))) {
      all.addAll(forField(sample, path));
    }
    return all;
  }

  private static List<Mutation> forField(Supplier<JsonObject> sample, List<Object> path) {
    Object current = at(sample.get(), path);
    List<Mutation> all = new ArrayList<>();
    for (String raw : wrongTypes(current)) {
      all.add(new Mutation(name(path) + " = " + raw, () -> replaced(sample.get(), path, raw), Structural.JSON,
          Expect.REFUSED, 0));
    }
    if (current instanceof String) {
      // A password is never shown, and every one tried costs a 600,000-iteration hash: only unstorable text.
      boolean password = name(path).toLowerCase(java.util.Locale.ROOT).contains("password");
      for (String text : password ? List.<String>of() : HostilePayloads.INERT_TEXT) {
        all.add(new Mutation(name(path) + " = " + HostileRequest.abbreviated(quote(text)), () -> replaced(sample.get(), path, quote(text)),
            Structural.JSON, Expect.STORED_AS_TEXT, 0));
      }
      for (String text : HostilePayloads.UNSTORABLE_TEXT) {
        all.add(new Mutation(name(path) + " = " + HostileRequest.abbreviated(quote(text)), () -> replaced(sample.get(), path, quote(text)),
            Structural.JSON, Expect.REFUSED, 400));
      }
    }
    return all;
  }

  private static List<String> wrongTypes(Object value) {
    if (value instanceof String) return List.of("12345", "true", "[]", "{\"x\":1}");
    if (value instanceof Boolean) return List.of("\"true\"", "1", "[]");
    if (value instanceof Number) {
      return List.of("\"12\"", "true", "[]", "1e400", "-1e400", "123456789012345678901234567890", "-123456789012345678901");
    }
    if (value instanceof JsonArray) return List.of("\"x\"", "1", "{}", "[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]");
    return List.of("\"x\"", "1", "[]");
  }

  private static void collect(Object node, List<Object> path, List<List<Object>> into) {
    if (!path.isEmpty()) into.add(List.copyOf(path));
    if (path.size() >= 6) return;
    if (node instanceof JsonObject object) {
      for (String key : object.fieldNames()) {
        path.add(key);
        collect(object.getValue(key), path, into);
        path.remove(path.size() - 1);
      }
    } else if (node instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        path.add(i);
        collect(array.getValue(i), path, into);
        path.remove(path.size() - 1);
      }
    }
  }

  private static Object at(Object node, List<Object> path) {
    for (Object step : path) {
      node = step instanceof String key ? ((JsonObject) node).getValue(key) : ((JsonArray) node).getValue((Integer) step);
    }
    return node;
  }

  private static byte[] replaced(JsonObject body, List<Object> path, String rawJson) {
    Object parent = at(body, path.subList(0, path.size() - 1));
    Object last = path.get(path.size() - 1);
    if (last instanceof String key) ((JsonObject) parent).put(key, MARK);
    else ((JsonArray) parent).set((Integer) last, MARK);
    return body.encode().replace("\"" + MARK + "\"", rawJson).getBytes(StandardCharsets.UTF_8);
  }

  private static String name(List<Object> path) {
    StringBuilder name = new StringBuilder();
    for (Object step : path) name.append(step instanceof String ? "." + step : "[" + step + "]");
    return name.substring(1);
  }

  /** A JSON string literal with every surrogate escaped, so a lone one arrives as sent instead of as '?'. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') out.append('\\').append(c);
      else if (c < 0x20 || Character.isSurrogate(c)) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    return out.append('"').toString();
  }

  static byte[] bytes(JsonObject body) {
    return body.encode().getBytes(StandardCharsets.UTF_8);
  }
}
