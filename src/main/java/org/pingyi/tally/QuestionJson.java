package org.pingyi.tally;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import org.pingyi.tally.report.ApprovePosition;
import org.pingyi.tally.report.Figure;
import org.pingyi.tally.report.MatrixResult;
import org.pingyi.tally.report.MatrixRowResult;
import org.pingyi.tally.report.MultiResult;
import org.pingyi.tally.report.OptionCount;
import org.pingyi.tally.report.PositionResult;
import org.pingyi.tally.report.QuestionResult;
import org.pingyi.tally.report.RecommendationResult;
import org.pingyi.tally.report.ScaleResult;
import org.pingyi.tally.report.SelectPosition;
import org.pingyi.tally.report.TextResult;

/** Writes one question's results for {@link TallyJson} (openapi.yaml, QuestionResults and what it holds). */
final class QuestionJson {

  private QuestionJson() {
  }

  static JsonObject of(QuestionResult question) {
    JsonObject out = new JsonObject().put("id", question.id()).put("kind", question.kind()).put("text", question.text());
    if (question instanceof ScaleResult s) return scale(out, s);
    if (question instanceof MultiResult m) {
      return out.put("answered", m.answered()).put("options", TallyJson.array(m.options(), QuestionJson::option));
    }
    if (question instanceof MatrixResult m) return matrix(out, m);
    if (question instanceof RecommendationResult r) return recommendation(out, r);
    return out.put("answered", ((TextResult) question).answered());
  }

  private static JsonObject scale(JsonObject out, ScaleResult s) {
    out.put("answered", s.answered()).put("options", TallyJson.array(s.options(), QuestionJson::option));
    figure(out, "favourableRate", s.favourableRate());
    figure(out, "favourableRateExcludingUnknown", s.favourableRateExcludingUnknown());
    figure(out, "excellentRate", s.excellentRate());
    return figure(out, "competentOrBetterRate", s.competentOrBetterRate());
  }

  private static JsonObject matrix(JsonObject out, MatrixResult m) {
    out.put("valid", m.valid());
    if (m.rule() != null) out.put("rule", m.rule());
    out.put("rows", TallyJson.array(m.rows(), QuestionJson::row));
    return figure(out, "score", m.score());
  }

  private static JsonObject row(MatrixRowResult r) {
    JsonObject out = new JsonObject().put("id", r.id()).put("label", r.label())
        .put("attributes", new JsonObject(new LinkedHashMap<>(r.attributes()))).put("answered", r.answered())
        .put("options", TallyJson.array(r.options(), QuestionJson::option));
    figure(out, "favourableRate", r.favourableRate());
    if (r.unfavourable() != null) {
      out.put("unfavourableCount", r.unfavourable().count()).put("unfavourableRate", r.unfavourable().rate())
          .put("flagged", r.unfavourable().flagged());
    }
    if (r.reasons() != null) out.put("reasons", TallyJson.array(r.reasons(), QuestionJson::option));
    if (!r.extra().isEmpty()) {
      out.put("extra", TallyJson.array(r.extra(), x -> new JsonObject().put("id", x.id()).put("label", x.label())
          .put("options", TallyJson.array(x.options(), QuestionJson::option))));
    }
    return figure(out, "score", r.score());
  }

  private static JsonObject recommendation(JsonObject out, RecommendationResult r) {
    if (r.rule() != null) out.put("rule", r.rule());
    return out.put("positions", TallyJson.array(r.positions(), QuestionJson::position));
  }

  private static JsonObject position(PositionResult p) {
    JsonObject out = new JsonObject().put("id", p.id()).put("title", p.title()).put("seats", p.seats())
        .put("valid", p.valid());
    if (p instanceof SelectPosition s) {
      return out.put("invalid", s.invalid()).put("abstain", s.abstain())
          .put("candidates", TallyJson.array(s.candidates(), QuestionJson::votes))
          .put("writeIns", TallyJson.array(s.writeIns(), QuestionJson::votes)).put("leadingRate", s.leadingRate());
    }
    return out.put("candidates", TallyJson.array(((ApprovePosition) p).candidates(), c -> new JsonObject()
        .put("id", c.id()).put("name", c.name()).put("options", TallyJson.array(c.options(), QuestionJson::option))));
  }

  /** A candidate's votes, named as the form names a candidate; a written-in name has no id at all. */
  private static JsonObject votes(SelectPosition.Votes v) {
    JsonObject out = v.id() == null ? new JsonObject() : new JsonObject().put("id", v.id());
    return out.put("name", v.name()).put("count", v.count()).put("percent", v.percent()).put("majority", v.majority());
  }

  private static JsonObject option(OptionCount o) {
    return new JsonObject().put("id", o.id()).put("label", o.label()).put("count", o.count()).put("percent", o.percent());
  }

  /** A figure that applies is written, null included; one that does not is left out. */
  private static JsonObject figure(JsonObject out, String name, Figure figure) {
    return figure == null ? out : out.put(name, figure.value());
  }
}
