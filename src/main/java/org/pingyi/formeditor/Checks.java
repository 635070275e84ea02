package org.pingyi.formeditor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.pingyi.form.Choice;
import org.pingyi.form.FieldError;
import org.pingyi.form.ScaleOption;

/** Collects field errors for {@link FormValidator} and holds the checks every part of a form shares. */
final class Checks {

  static final int LABEL_MAX = 200;
  static final int QUESTION_TEXT_MAX = 500;
  static final int INSTRUCTIONS_MAX = 2000;
  private static final Pattern ID = Pattern.compile("^[A-Za-z0-9_-]{1,40}$");

  private final List<FieldError> errors = new ArrayList<>();

  void add(String path, String message) {
    errors.add(new FieldError(path, message));
  }

  List<FieldError> errors() {
    return List.copyOf(errors);
  }

  /** Ids end up in answers, URLs and spreadsheet headers, hence the narrow alphabet. */
  void id(String path, String id) {
    if (id == null || !ID.matcher(id).matches()) {
      add(path, "只能包含字母、数字、下划线和连字符，长度 1 至 40");
    }
  }

  /** A label the voter reads: not empty, and short enough to print in a table cell. */
  void label(String path, String text) {
    bounded(path, text, LABEL_MAX, false);
  }

  void bounded(String path, String text, int max, boolean mayBeEmpty) {
    if (text == null || (!mayBeEmpty && text.isBlank())) {
      add(path, "不能为空");
    } else if (text.length() > max) {
      add(path, "不能超过 " + max + " 个字");
    }
  }

  /** Checks each item's id format and reports repeats at the repeated item's own path. */
  <T> void ids(String listPath, List<T> items, Function<T, String> idOf, String idKey) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      String path = listPath + "[" + i + "]." + idKey;
      String id = idOf.apply(items.get(i));
      id(path, id);
      if (id != null && !seen.add(id)) {
        add(path, "与前面的 " + idKey + " 重复：" + id);
      }
    }
  }

  void choices(String path, List<Choice> choices) {
    ids(path, choices, Choice::id, "id");
    for (int i = 0; i < choices.size(); i++) {
      label(path + "[" + i + "].label", choices.get(i).label());
    }
  }

  /** A single-choice scale: at least two options, at most one 不了解 (the second rate leaves out exactly one). */
  void scale(String path, List<ScaleOption> options) {
    ids(path, options, ScaleOption::id, "id");
    for (int i = 0; i < options.size(); i++) {
      label(path + "[" + i + "].label", options.get(i).label());
    }
    if (options.size() < 2) {
      add(path, "至少需要两个选项");
    }
    if (options.stream().filter(ScaleOption::unknown).count() > 1) {
      add(path, "最多只能有一个“不了解”选项");
    }
  }

  /** An optional "choose at most" limit: null, or between 1 and the number of choices. */
  void max(String path, Integer max, int choices) {
    if (max != null && (max < 1 || max > choices)) {
      add(path, "必须在 1 到 " + choices + " 之间，或不限");
    }
  }
}
