package org.pingyi.tally;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;
import org.pingyi.tally.report.CategoryResults;
import org.pingyi.tally.report.FormResults;
import org.pingyi.tally.report.Quorum;
import org.pingyi.tally.report.SectionResults;
import org.pingyi.tally.report.Turnout;
import org.pingyi.tally.report.TurnoutLine;

/**
 * Writes a {@link TallyReport} as the JSON the big screen and the API read (openapi.yaml, TallySnapshot): the one
 * place its field names appear. Parts that do not apply are left out, not sent as null; the field order is the
 * report's display order. With {@link QuestionJson} for the questions.
 */
final class TallyJson {

  private TallyJson() {
  }

  static JsonObject of(TallyReport report) {
    JsonObject out = new JsonObject().put("turnout", turnout(report.turnout()));
    if (report.forms() != null) out.put("forms", array(report.forms(), TallyJson::form));
    return out;
  }

  static <T> JsonArray array(List<T> items, Function<T, JsonObject> write) {
    JsonArray out = new JsonArray();
    items.forEach(item -> out.add(write.apply(item)));
    return out;
  }

  private static JsonObject turnout(Turnout turnout) {
    JsonObject out = line(new JsonObject(), turnout.overall());
    return out.put("categories", array(turnout.categories(),
        c -> line(new JsonObject().put("code", c.code()).put("name", c.name()), c.line())));
  }

  private static JsonObject line(JsonObject out, TurnoutLine t) {
    return out.put("expected", t.expected()).put("issued", t.issued()).put("returned", t.returned())
        .put("phone", t.phone()).put("paper", t.paper()).put("inResults", t.inResults()).put("valid", t.valid())
        .put("invalid", t.invalid()).put("returnedExceedsIssued", t.returnedExceedsIssued())
        .put("returnedExceedsExpected", t.returnedExceedsExpected());
  }

  private static JsonObject form(FormResults form) {
    JsonObject out = new JsonObject().put("id", form.id()).put("title", form.title()).put("template", form.template())
        .put("minGroupSize", form.minGroupSize());
    if (form.quorum() != null) out.put("quorum", quorum(form.quorum()));
    out.put("sections", array(form.sections(), TallyJson::section));
    if (form.weightedWithheld() != null) {
      out.put("weightedWithheld", new JsonObject().put("reason", form.weightedWithheld().reason())
          .put("categories", new JsonArray(List.copyOf(form.weightedWithheld().categories())))
          .put("minGroupSize", form.weightedWithheld().minGroupSize()));
    } else if (!form.weighted().isEmpty()) {
      out.put("weighted", array(form.weighted(), w -> new JsonObject().put("section", w.section())
          .put("subject", w.subject()).put("question", w.question()).put("score", w.score())));
    }
    return out.put("categories", array(form.categories(), TallyJson::category));
  }

  private static JsonObject quorum(Quorum q) {
    return new JsonObject().put("share", q.share()).put("required", q.required()).put("present", q.present())
        .put("reached", q.reached());
  }

  private static JsonObject category(CategoryResults c) {
    JsonObject out = new JsonObject().put("code", c.code()).put("name", c.name()).put("ballots", c.ballots())
        .put("shown", c.shown());
    return c.shown() ? out.put("sections", array(c.sections(), TallyJson::section)) : out.put("suppressed", c.suppressed());
  }

  private static JsonObject section(SectionResults s) {
    JsonObject out = new JsonObject().put("id", s.id()).put("title", s.title());
    if (s.subject() != null) out.put("subject", s.subject());
    return out.put("questions", array(s.questions(), QuestionJson::of));
  }
}
