package org.pingyi.ballot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.pingyi.form.FieldError;

/**
 * The problems found in one ballot, keyed by JSON path ({@code answers.<form>.<question>.<row>}), in the
 * order the voter meets them on the page, plus the small type checks every answer kind shares. A path is any
 * object whose text is the path ({@link Step}): it is written out only for a problem, not for every answer.
 */
final class Problems {
  private final List<FieldError> errors = new ArrayList<>();

  /** A path one key below another, written out when a problem needs it. */
  record Step(Object parent, String key) {
    @Override
    public String toString() {
      return parent + "." + key;
    }
  }

  void add(Object path, String message) {
    errors.add(new FieldError(path.toString(), message));
  }

  List<FieldError> list() {
    return List.copyOf(errors);
  }

  /** The value as an object, or null (with a problem recorded) when it is something else. */
  @SuppressWarnings("unchecked")
  Map<String, Object> object(Object path, Object value) {
    if (value instanceof Map<?, ?> map) return (Map<String, Object>) map;
    add(path, "格式不正确：应为对象");
    return null;
  }

  /** The value as a list of distinct strings, or null (with a problem recorded). */
  List<String> ids(Object path, Object value) {
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

  /** Records a problem for the first key of {@code given} that {@code known} lacks; true when there was none. */
  boolean onlyKnownKeys(Object path, Map<String, Object> given, List<String> known, String what) {
    return onlyKnownKeys(path, given, known, Function.identity(), what);
  }

  /** The same, with the known keys as the ids of {@code known} (a form's rows, options...): no list of ids made. */
  <T> boolean onlyKnownKeys(Object path, Map<String, Object> given, List<T> known, Function<T, String> id, String what) {
    for (String key : given.keySet()) {
      if (!contains(known, id, key)) {
        add(new Step(path, key), "没有这个" + what);
        return false;
      }
    }
    return true;
  }

  static <T> boolean contains(List<T> items, Function<T, String> id, String wanted) {
    for (int i = 0; i < items.size(); i++) {
      if (id.apply(items.get(i)).equals(wanted)) return true;
    }
    return false;
  }
}
