package org.pingyi.ballot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns decoded Vert.x JSON into the plain maps and lists the ballot rules read, at the HTTP edge. */
public final class PlainJson {

  private PlainJson() {
  }

  public static Object of(Object value) {
    if (value instanceof JsonObject object) return of(object.getMap());
    if (value instanceof JsonArray array) return of(array.getList());
    // A request body is decoded into plain maps and lists already (org.pingyi.http.JsonBody): used as it is.
    if (plain(value)) return value;
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((key, item) -> out.put(String.valueOf(key), of(item)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(item -> out.add(of(item)));
      return out;
    }
    return value;
  }

  /** Whether there is nothing to turn: no Vert.x wrapper anywhere inside, every key a string. */
  private static boolean plain(Object value) {
    if (value instanceof JsonObject || value instanceof JsonArray) return false;
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String) || !plain(entry.getValue())) return false;
      }
    } else if (value instanceof List<?> list) {
      for (Object item : list) {
        if (!plain(item)) return false;
      }
    }
    return true;
  }
}
