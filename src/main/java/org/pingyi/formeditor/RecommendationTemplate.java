package org.pingyi.formeditor;

import java.util.List;
import org.pingyi.form.FormDefinition;
import org.pingyi.form.FormRules;
import org.pingyi.form.Fraction;
import org.pingyi.form.Position;
import org.pingyi.form.RecommendationQuestion;
import org.pingyi.form.Section;
import org.pingyi.form.Threshold;

/** Template 3 of docs/domain.md: 民主推荐票（会议推荐）, one position to be named, candidates added later. */
final class RecommendationTemplate {

  static final TemplateInfo INFO = new TemplateInfo("recommendation", "民主推荐票（会议推荐）",
      "按职位推荐，每个职位推荐人数不超过职数；可另行推荐；统计得票率和是否过半数");

  private RecommendationTemplate() {
  }

  static FormDefinition create() {
    Position position = new Position("p1", "（请填写推荐职位）", 1, true, false, List.of());
    RecommendationQuestion question = new RecommendationQuestion("rec", "民主推荐",
        RecommendationQuestion.SELECT, null, List.of(position));
    FormRules rules = new FormRules(FormRules.DEFAULT_MIN_GROUP_SIZE, null,
        Threshold.exceeds(1, 2), new Fraction(2, 3));
    return new FormDefinition(FormDefinition.SCHEMA, INFO.id(), INFO.title(),
        "每个职位推荐人数不得超过职数，超过的该职位推荐无效；可在空行另行推荐。",
        rules, List.of(new Section("s1", "会议推荐", null, List.of(question))));
  }
}
