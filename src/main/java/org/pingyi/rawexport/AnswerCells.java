package org.pingyi.rawexport;

import java.util.List;
import java.util.Map;
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

  static String grade(List<ScaleOption> options, Object id) {
    if (id == null) return null;
    return options.stream().filter(o -> o.id().equals(id)).map(ScaleOption::label).findFirst().orElse(id.toString());
  }

  static String choice(List<Choice> options, Object id) {
    if (id == null) return null;
    return options.stream().filter(o -> o.id().equals(id)).map(Choice::label).findFirst().orElse(id.toString());
  }

  static String choices(List<Choice> options, Object ids) {
    return joined(ids, id -> choice(options, id));
  }

  static String candidates(List<Candidate> candidates, Object ids) {
    return joined(ids, id -> candidates.stream().filter(c -> c.id().equals(id)).map(Candidate::name).findFirst()
        .orElse(id.toString()));
  }

  static String texts(Object values) {
    return joined(values, Object::toString);
  }

  static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static String joined(Object values, java.util.function.Function<Object, String> label) {
    if (!(values instanceof List<?> list) || list.isEmpty()) return null;
    return list.stream().map(label).collect(Collectors.joining(RawBallotColumns.SEPARATOR));
  }
}
