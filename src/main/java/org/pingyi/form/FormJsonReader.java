package org.pingyi.form;

import java.util.ArrayList;
import java.util.List;

/** Reads the form, its rules and its sections; questions are delegated to {@link QuestionJsonReader}. */
final class FormJsonReader {

  private FormJsonReader() {
  }

  static FormDefinition form(FormJsonFields in) {
    int schema = in.integer("schema");
    String template = in.string("template", "custom");
    String title = in.string("title");
    String instructions = in.string("instructions", "");
    FormJsonFields rulesIn = in.object("rules", false);
    FormRules rules = rulesIn == null ? FormRules.defaults() : rules(rulesIn);
    List<Section> sections = new ArrayList<>();
    for (FormJsonFields s : in.objects("sections", true)) {
      sections.add(section(s));
    }
    return new FormDefinition(schema, template, title, instructions, rules, sections);
  }

  static FormRules rules(FormJsonFields in) {
    int minGroupSize = in.integer("minGroupSize", FormRules.DEFAULT_MIN_GROUP_SIZE);
    FormJsonFields unfavourable = in.object("unfavourable", false);
    FormJsonFields majority = in.object("majority", false);
    FormJsonFields quorum = in.object("quorum", false);
    return new FormRules(minGroupSize,
        unfavourable == null ? null : unfavourable(unfavourable),
        majority == null ? null : threshold(majority),
        quorum == null ? null : fraction(quorum));
  }

  private static UnfavourableRule unfavourable(FormJsonFields in) {
    List<String> options = in.strings("options", false);
    // docs/domain.md: 不认同 is the option counted by default.
    return new UnfavourableRule(threshold(in), options == null ? List.of("disagree") : options);
  }

  private static Threshold threshold(FormJsonFields in) {
    return new Threshold(fraction(in), in.string("comparison", Threshold.EXCEEDS));
  }

  private static Fraction fraction(FormJsonFields in) {
    return new Fraction(in.integer("numerator"), in.integer("denominator"));
  }

  private static Section section(FormJsonFields in) {
    String id = in.string("id");
    String title = in.string("title");
    FormJsonFields subjectIn = in.object("subject", false);
    Subject subject = subjectIn == null ? null
        : new Subject(subjectIn.string("name"), subjectIn.string("post", ""));
    List<Question> questions = new ArrayList<>();
    for (FormJsonFields q : in.objects("questions", true)) {
      Question question = QuestionJsonReader.question(q);
      if (question != null) {
        questions.add(question);
      }
    }
    return new Section(id, title, subject, questions);
  }
}
