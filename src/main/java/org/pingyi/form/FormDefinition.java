package org.pingyi.form;

import java.util.List;
import java.util.stream.Stream;

/**
 * A whole ballot form as described in docs/form-format.md: what the voter sees and the rules the tally applies.
 *
 * @param template one of {@link #TEMPLATES}
 * @param instructions shown above the ballot; empty when there are none
 */
public record FormDefinition(int schema, String template, String title, String instructions,
                             FormRules rules, List<Section> sections) {

  public static final int SCHEMA = 1;
  public static final List<String> TEMPLATES =
      List.of("cadre-work", "new-cadres", "recommendation", "assessment", "custom");

  public FormDefinition {
    sections = List.copyOf(sections);
  }

  /** Every question of every section, in ballot order. */
  public Stream<Question> questions() {
    return sections.stream().flatMap(s -> s.questions().stream());
  }

  public FormDefinition withSections(List<Section> newSections) {
    return new FormDefinition(schema, template, title, instructions, rules, newSections);
  }
}
