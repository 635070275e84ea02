package org.pingyi.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a JSON request body field by field, collecting every field error (in Chinese) so one 400 names
 * them all; wrong types become field errors, never exceptions.
 */
public final class JsonInput {
  private final JsonObject json;
  private final String prefix;
  private final Map<String, String> errors;

  private JsonInput(JsonObject json, String prefix, Map<String, String> errors) {
    this.json = json;
    this.prefix = prefix;
    this.errors = errors;
  }

  /** The request body as a JSON object, or a 400 when it is missing, not JSON, or not an object. */
  public static JsonInput of(RoutingContext ctx) {
    return new JsonInput(JsonBody.of(ctx), "", new LinkedHashMap<>());
  }

  /** Reads a nested object with paths prefixed by this field, sharing this input's error list. */
  private JsonInput nested(JsonObject object, String field) {
    return new JsonInput(object, prefix + field + ".", errors);
  }

  public JsonObject raw() {
    return json;
  }

  public boolean has(String field) {
    return json.containsKey(field) && json.getValue(field) != null;
  }

  public String text(String field, boolean required, int maxLength) {
    Object value = json.getValue(field);
    if (value == null) {
      if (required) fail(field, "不能为空");
      return "";
    }
    if (!(value instanceof String s)) return failed(field, "必须是文本", "");
    String trimmed = s.strip();
    if (required && trimmed.isEmpty()) return failed(field, "不能为空", "");
    if (trimmed.length() > maxLength) return failed(field, "不能超过 " + maxLength + " 个字", "");
    if (ControlCharacters.in(trimmed)) return failed(field, "含有控制字符", "");
    return trimmed;
  }

  public int integer(String field, int fallback, int min, int max) {
    Object value = json.getValue(field);
    if (value == null) return fallback;
    if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      return failed(field, "必须是整数", fallback);
    }
    // Compared as a double: a huge integer's longValue() wraps around into the range.
    double v = n.doubleValue();
    if (v < min || v > max) return failed(field, "必须在 " + min + " 到 " + max + " 之间", fallback);
    return (int) v;
  }

  public Optional<Double> positiveNumber(String field, double max) {
    Object value = json.getValue(field);
    if (value == null) return Optional.empty();
    if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) return failed(field, "必须是数字", Optional.empty());
    double v = n.doubleValue();
    if (v <= 0 || v > max) return failed(field, "必须大于 0 且不超过 " + max, Optional.empty());
    return Optional.of(v);
  }

  public boolean bool(String field, boolean fallback) {
    Object value = json.getValue(field);
    if (value == null) return fallback;
    if (!(value instanceof Boolean b)) return failed(field, "必须是 true 或 false", fallback);
    return b;
  }

  public Optional<LocalDate> date(String field) {
    Object value = json.getValue(field);
    if (value == null || "".equals(value)) return Optional.empty();
    if (!(value instanceof String s)) return failed(field, "必须是日期，如 2026-12-01", Optional.empty());
    try {
      return Optional.of(LocalDate.parse(s));
    } catch (DateTimeParseException e) {
      return failed(field, "必须是日期，如 2026-12-01", Optional.empty());
    }
  }

  public List<String> textList(String field, int maxItems, int maxLength) {
    Object value = json.getValue(field);
    if (value == null) return List.of();
    if (!(value instanceof JsonArray array)) return failed(field, "必须是列表", List.of());
    if (array.size() > maxItems) return failed(field, "最多 " + maxItems + " 项", List.of());
    List<String> items = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      Object item = array.getValue(i);
      String path = field + "[" + i + "]";
      if (!(item instanceof String s) || s.isBlank()) {
        fail(path, "必须是非空文本");
      } else if (s.strip().length() > maxLength) {
        fail(path, "不能超过 " + maxLength + " 个字");
      } else if (ControlCharacters.in(s)) {
        fail(path, "含有控制字符");
      } else {
        items.add(s.strip());
      }
    }
    return items;
  }

  /** The objects of an array field, each as a nested input; a missing field is an empty list. */
  public List<JsonInput> objects(String field, int maxItems) {
    Object value = json.getValue(field);
    if (value == null) return List.of();
    if (!(value instanceof JsonArray array)) return failed(field, "必须是列表", List.of());
    if (array.size() > maxItems) return failed(field, "最多 " + maxItems + " 项", List.of());
    List<JsonInput> items = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (array.getValue(i) instanceof JsonObject object) {
        items.add(nested(object, field + "[" + i + "]"));
      } else {
        fail(field + "[" + i + "]", "必须是对象");
      }
    }
    return items;
  }

  public Optional<JsonInput> object(String field) {
    Object value = json.getValue(field);
    if (value == null) return Optional.empty();
    if (!(value instanceof JsonObject object)) return failed(field, "必须是对象", Optional.empty());
    return Optional.of(nested(object, field));
  }

  public void fail(String field, String message) {
    errors.putIfAbsent(prefix + field, message);
  }

  private <T> T failed(String field, String message, T fallback) {
    fail(field, message);
    return fallback;
  }

  /** Throws the 400 naming every field error found so far. */
  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      String first = errors.entrySet().iterator().next().getKey();
      throw AppError.invalidInput("输入有误：" + first + " " + errors.get(first), errors);
    }
  }
}
