package org.pingyi.ballot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pingyi.form.FieldError;

/**
 * The problems found in one ballot, keyed by JSON path ({@code answers.<form>.<question>.<row>}), in the
 * order the voter meets them on the page, plus the small type checks every answer kind shares.
 */
final class Problems {
  private final List<FieldError> errors = new ArrayList<>();

  void add(String path, String message) {
    errors.add(new FieldError(path, message));
  }

  List<FieldError> list() {
    return List.copyOf(errors);
  }

  /** The value as an object, or null (with a problem recorded) when it is something else. */
  @SuppressWarnings("unchecked")
  Map<String, Object> object(String path, Object value) {
    if (value instanceof Map<?, ?> map) return (Map<String, Object>) map;
    add(path, "格式不正确：应为对象");
    return null;
  }

  /** The value as a list of distinct strings, or null (with a problem recorded). */
  List<String> ids(String path, Object value) {
    if (!(value instanceof List<?> list)) {
      add(path, "格式不正确：应为选项编号的列表");
      return null;
    }
    List<String> ids = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof String id)) {
        add(path, "格式不正确：选项编号应为文字");
        return null;
      }
      if (ids.contains(id)) {
        add(path, "选项重复：" + id);
        return null;
      }
      ids.add(id);
    }
    return ids;
  }

  /** Records a problem for every key of {@code given} that {@code known} lacks; true when there were none. */
  boolean onlyKnownKeys(String path, Map<String, Object> given, List<String> known, String what) {
    for (String key : given.keySet()) {
      if (!known.contains(key)) {
        add(path + "." + key, "没有这个" + what);
        return false;
      }
    }
    return true;
  }
}
