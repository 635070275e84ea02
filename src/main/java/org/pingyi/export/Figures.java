package org.pingyi.export;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the tally report's plain maps and lists (TallyReport.of) without casts at every turn. */
final class Figures {

  private Figures() {
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, Object> in, String key) {
    Object value = in.get(key);
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Map<String, Object> in, String key) {
    Object value = in.get(key);
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }

  static long count(Map<String, Object> in, String key) {
    Object value = in.get(key);
    return value == null ? 0 : ((Number) value).longValue();
  }

  static BigDecimal rate(Map<String, Object> in, String key) {
    return (BigDecimal) in.get(key);
  }

  static boolean flag(Map<String, Object> in, String key) {
    return Boolean.TRUE.equals(in.get(key));
  }

  static String text(Map<String, Object> in, String key) {
    Object value = in.get(key);
    return value == null ? "" : value.toString();
  }

  /** The element of {@code items} whose "id" is {@code id}. */
  static Optional<Map<String, Object>> byId(List<Map<String, Object>> items, String id) {
    return items.stream().filter(item -> id.equals(item.get("id"))).findFirst();
  }
}
