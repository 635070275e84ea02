package org.pingyi.rawexport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pingyi.form.Candidate;
import org.pingyi.form.Choice;
import org.pingyi.form.ScaleOption;

/**
 * Turns stored answer values (option ids, lists of ids, text) into the words printed on the ballot. An id the
 * form does not know is written as it is: the export shows what is stored rather than hide it.
 */
final class AnswerCells {

  private AnswerCells() {
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /** {@link #grade(List, Object)} for one column's options, looked up by id rather than searched. */
  static Function<Object, String> grade(List<ScaleOption> options) {
    Map<String, String> labels = labels(options, ScaleOption::id, ScaleOption::label);
    return id -> id instanceof String s && labels.containsKey(s) ? labels.get(s) : grade(options, id);
  }

  /** {@link #choice(List, Object)} for one column's options. */
  static Function<Object, String> choice(List<Choice> options) {
    Map<String, String> labels = labels(options, Choice::id, Choice::label);
    return id -> id instanceof String s && labels.containsKey(s) ? labels.get(s) : choice(options, id);
  }

  /** One column's chosen options as their labels, joined; an id no option has is printed as it is. */
  static Function<Object, String> choices(List<Choice> options) {
    Function<Object, String> choice = choice(options);
    return ids -> joined(ids, choice);
  }

  /** One position's chosen candidates as their names, joined; an unknown id is printed as it is. */
  static Function<Object, String> candidates(List<Candidate> candidates) {
    Map<String, String> names = labels(candidates, Candidate::id, Candidate::name);
    return ids -> joined(ids, id -> id instanceof String s && names.containsKey(s) ? names.get(s)
        : candidate(candidates, id));
  }

  /** Id to label; of two options with one id the first wins, as in the searches below. */
  private static <T> Map<String, String> labels(List<T> options, Function<T, String> id, Function<T, String> label) {
    Map<String, String> labels = new HashMap<>();
    for (T option : options) {
      String key = id.apply(option);
      if (key == null || labels.containsKey(key)) continue;
      // An option without a label is left to the search, which prints the id for it.
      labels.put(key, label.apply(option));
    }
    labels.values().removeIf(java.util.Objects::isNull);
    return labels;
  }

  static String grade(List<ScaleOption> options, Object id) {
    if (id == null) return null;
    return options.stream().filter(o -> o.id().equals(id)).map(ScaleOption::label).findFirst().orElse(id.toString());
  }

  static String choice(List<Choice> options, Object id) {
    if (id == null) return null;
    return options.stream().filter(o -> o.id().equals(id)).map(Choice::label).findFirst().orElse(id.toString());
  }

  private static String candidate(List<Candidate> candidates, Object id) {
    return candidates.stream().filter(c -> c.id().equals(id)).map(Candidate::name).findFirst().orElse(id.toString());
  }

  static String texts(Object values) {
    return joined(values, Object::toString);
  }

  static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static String joined(Object values, Function<Object, String> label) {
    if (!(values instanceof List<?> list) || list.isEmpty()) return null;
    if (list.size() == 1) return String.valueOf(label.apply(list.get(0)));
    return list.stream().map(label).collect(Collectors.joining(RawBallotColumns.SEPARATOR));
  }
}
