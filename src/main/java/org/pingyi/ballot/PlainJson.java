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
}
