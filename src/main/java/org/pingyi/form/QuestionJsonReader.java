package org.pingyi.form;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads one question of each kind, and the parts they share (scale options, choices). */
final class QuestionJsonReader {

  /** The default free-text limit when a form does not say (docs/form-format.md example). */
  static final int DEFAULT_MAX_LENGTH = 500;

  private QuestionJsonReader() {
  }

  /** The question, or null when its kind is missing or unknown (already reported). */
  static Question question(FormJsonFields in) {
    String id = in.string("id");
    String kind = in.string("kind");
    String text = in.string("text");
    switch (kind) {
      case ScaleQuestion.KIND:
        return new ScaleQuestion(id, text, in.bool("required", false), scaleOptions(in, "options"));
      case MultiQuestion.KIND:
        return new MultiQuestion(id, text, in.bool("required", false), in.optionalInteger("max"),
            choices(in, "options"));
      case TextQuestion.KIND:
        return new TextQuestion(id, text, in.bool("required", false),
            in.integer("maxLength", DEFAULT_MAX_LENGTH));
      case MatrixQuestion.KIND:
        return matrix(in, id, text);
      case RecommendationQuestion.KIND:
        return recommendation(in, id, text);
      case "":
        return null;
      default:
        in.error("kind", "未知的题型：" + kind);
        return null;
    }
  }

  private static MatrixQuestion matrix(FormJsonFields in, String id, String text) {
    FormJsonFields reasonIn = in.object("reason", false);
    List<FormJsonFields> extras = in.objects("extra", false);
    return new MatrixQuestion(id, text, in.bool("required", false),
        each(in.objects("columns", false), c -> new MatrixColumn(c.string("key"), c.string("label"))),
        each(in.objects("rows", false), QuestionJsonReader::row),
        in.string("rowHeader", ""),
        scaleOptions(in, "options"),
        reasonIn == null ? null : reason(reasonIn),
        each(extras, e -> new ExtraScale(e.string("id"), e.string("label"), e.bool("required", false),
            scaleOptions(e, "options"))));
  }

  private static MatrixRow row(FormJsonFields in) {
    return new MatrixRow(in.string("id"), in.string("label"), in.optionalInteger("weight"),
        in.stringMap("attributes"));
  }

  private static Reason reason(FormJsonFields in) {
    return new Reason(in.string("label"), in.strings("whenOptions", true), in.optionalInteger("max"),
        choices(in, "options"));
  }

  private static RecommendationQuestion recommendation(FormJsonFields in, String id, String text) {
    List<FormJsonFields> approve = in.objects("approveOptions", false);
    return new RecommendationQuestion(id, text,
        in.string("mode", RecommendationQuestion.SELECT),
        approve == null ? null : each(approve, QuestionJsonReader::choice),
        each(in.objects("positions", true), QuestionJsonReader::position));
  }

  private static Position position(FormJsonFields in) {
    return new Position(in.string("id"), in.string("title"), in.integer("seats"),
        in.bool("writeIns", false), in.bool("equalSlate", false),
        each(in.objects("candidates", false), c -> new Candidate(c.string("id"), c.string("name"),
            c.string("gender", ""), c.string("birth", ""), c.string("currentPost", ""))));
  }

  static List<ScaleOption> scaleOptions(FormJsonFields in, String key) {
    return each(in.objects(key, true), o -> new ScaleOption(o.string("id"), o.string("label"),
        o.optionalInteger("score"), o.bool("favourable", false), o.bool("unknown", false)));
  }

  private static List<Choice> choices(FormJsonFields in, String key) {
    return each(in.objects(key, true), QuestionJsonReader::choice);
  }

  private static Choice choice(FormJsonFields in) {
    return new Choice(in.string("id"), in.string("label"));
  }

  /** Maps each element; an absent optional list is an empty one. */
  private static <T> List<T> each(List<FormJsonFields> items, Function<FormJsonFields, T> read) {
    List<T> out = new ArrayList<>();
    if (items != null) {
      for (FormJsonFields item : items) {
        out.add(read.apply(item));
      }
    }
    return out;
  }
}
