package org.pingyi.form;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The four built-in templates of DOMAIN.md, listed for the console and created as fresh editable forms. */
public final class FormTemplates {

  private FormTemplates() {
  }

  public static List<TemplateInfo> list() {
    return List.of(CadreWorkTemplate.INFO, NewCadresTemplate.INFO, RecommendationTemplate.INFO,
        AssessmentTemplate.INFO);
  }

  /** A new form from the template with this id, or empty when there is none. */
  public static Optional<FormDefinition> create(String id) {
    return Optional.ofNullable(factory(id)).map(Supplier::get);
  }

  private static Supplier<FormDefinition> factory(String id) {
    if (id == null) {
      return null;
    }
    switch (id) {
      case "cadre-work":
        return CadreWorkTemplate::create;
      case "new-cadres":
        return NewCadresTemplate::create;
      case "recommendation":
        return RecommendationTemplate::create;
      case "assessment":
        return AssessmentTemplate::create;
      default:
        return null;
    }
  }
}
