package org.pingyi.form;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingyi.http.ControlCharacters;

/**
 * Reads one JSON object of a form without ever throwing: each missing or mistyped field becomes a
 * {@link FieldError} at its path and a neutral placeholder is returned, so one pass reports every problem.
 */
final class FormJsonFields {

  private final JsonObject obj;
  private final String path;
  private final List<FieldError> errors;

  FormJsonFields(JsonObject obj, String path, List<FieldError> errors) {
    this.obj = obj;
    this.path = path;
    this.errors = errors;
  }

  String at(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  void error(String key, String message) {
    errors.add(new FieldError(at(key), message));
  }

  /** The value, or null when absent or JSON null (optional fields treat both alike). */
  private Object value(String key) {
    return obj.getValue(key);
  }

  private Object required(String key) {
    Object v = value(key);
    if (v == null) {
      error(key, "缺少 " + key);
    }
    return v;
  }

  String string(String key) {
    Object v = required(key);
    return v == null ? "" : asString(key, v, "");
  }

  String string(String key, String fallback) {
    Object v = value(key);
    return v == null ? fallback : asString(key, v, fallback);
  }

  private String asString(String key, Object v, String fallback) {
    if (v instanceof String s) {
      if (!typeable(s)) {
        error(key, "含有控制字符");
        return fallback;
      }
      return s;
    }
    error(key, "必须是字符串");
    return fallback;
  }

  int integer(String key) {
    Object v = required(key);
    Integer i = v == null ? null : asInt(at(key), v);
    return i == null ? 0 : i;
  }

  int integer(String key, int fallback) {
    Integer i = optionalInteger(key);
    return i == null ? fallback : i;
  }

  Integer optionalInteger(String key) {
    Object v = value(key);
    return v == null ? null : asInt(at(key), v);
  }

  private Integer asInt(String where, Object v) {
    if (!(v instanceof Number n)) {
      errors.add(new FieldError(where, "必须是整数"));
      return null;
    }
    try {
      return new BigDecimal(n.toString()).intValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      // Fractions, NaN and values beyond int range are all "not an integer we can store".
      errors.add(new FieldError(where, "必须是整数"));
      return null;
    }
  }

  boolean bool(String key, boolean fallback) {
    Object v = value(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    error(key, "必须是布尔值（true 或 false）");
    return fallback;
  }

  /** The nested object, or null when absent (reported when {@code mandatory}) or mistyped (reported). */
  FormJsonFields object(String key, boolean mandatory) {
    Object v = mandatory ? required(key) : value(key);
    if (v == null) {
      return null;
    }
    if (v instanceof JsonObject o) {
      return new FormJsonFields(o, at(key), errors);
    }
    error(key, "必须是对象");
    return null;
  }

  /** The array's elements as objects; null when absent and not mandatory, empty when absent or mistyped. */
  List<FormJsonFields> objects(String key, boolean mandatory) {
    JsonArray array = array(key, mandatory);
    if (array == null) {
      return mandatory ? List.of() : null;
    }
    List<FormJsonFields> items = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String where = at(key) + "[" + i + "]";
      if (array.getValue(i) instanceof JsonObject o) {
        items.add(new FormJsonFields(o, where, errors));
      } else {
        errors.add(new FieldError(where, "必须是对象"));
      }
    }
    return items;
  }

  /** The array's elements as strings; null when absent and not mandatory. */
  List<String> strings(String key, boolean mandatory) {
    JsonArray array = array(key, mandatory);
    if (array == null) {
      return mandatory ? List.of() : null;
    }
    List<String> items = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (array.getValue(i) instanceof String s && typeable(s)) {
        items.add(s);
      } else if (array.getValue(i) instanceof String) {
        errors.add(new FieldError(at(key) + "[" + i + "]", "含有控制字符"));
      } else {
        errors.add(new FieldError(at(key) + "[" + i + "]", "必须是字符串"));
      }
    }
    return items;
  }

  /** A flat object of string values, in document order; empty when absent. */
  Map<String, String> stringMap(String key) {
    FormJsonFields nested = object(key, false);
    Map<String, String> map = new LinkedHashMap<>();
    if (nested != null) {
      for (String name : nested.obj.fieldNames()) {
        String s = nested.string(name, null);
        if (s != null) {
          map.put(name, s);
        }
      }
    }
    return map;
  }

  private JsonArray array(String key, boolean mandatory) {
    Object v = mandatory ? required(key) : value(key);
    if (v == null || v instanceof JsonArray) {
      return (JsonArray) v;
    }
    error(key, "必须是数组");
    return null;
  }

  /** Text a person can type: line breaks and tabs, but no other control characters (they print as nothing). */
  private static boolean typeable(String text) {
    return !ControlCharacters.in(text);
  }
}
