package org.pingyi.summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pingyi.ballot.BallotForm;
import org.pingyi.summary.SummaryTable.Block;
import org.pingyi.summary.SummaryTable.Cell;
import org.pingyi.form.MatrixQuestion;
import org.pingyi.form.MatrixRow;
import org.pingyi.form.ScaleOption;
import org.pingyi.form.ScaleQuestion;
import org.pingyi.form.Section;
import org.pingyi.tally.report.Figure;
import org.pingyi.tally.report.FormResults.WeightedScore;
import org.pingyi.tally.report.MatrixResult;
import org.pingyi.tally.report.ScaleResult;
import org.pingyi.tally.report.SectionResults;

/**
 * 民主测评: first one line per assessed person (优秀率, 称职以上率, each item's average score, the person's score and
 * the 分类考核 weighted result), then per person the answers to each item and the overall grades.
 */
final class AssessmentBlocks {

  private AssessmentBlocks() {
  }

  /** A person's section: the scored items and the overall grade, either possibly missing from an edited form. */
  private record Person(Section section, Optional<MatrixQuestion> items, Optional<ScaleQuestion> grades,
                        SectionResults counted) {

    MatrixResult scored(MatrixQuestion m) {
      return counted.question(m.id(), MatrixResult.class).orElse(Absent.matrix(m));
    }

    ScaleResult graded(ScaleQuestion g) {
      return counted.question(g.id(), ScaleResult.class).orElse(Absent.scale(g));
    }
  }

  /** @param weighted the form's 分类考核 results, or an empty list (per category, or no category weights) */
  static List<Block> of(BallotForm form, List<SectionResults> sections, List<WeightedScore> weighted) {
    List<Person> persons = new ArrayList<>();
    for (Section s : form.definition().sections()) {
      if (s.subject() == null) continue;
      persons.add(new Person(s, s.questions().stream().filter(MatrixQuestion.class::isInstance)
          .map(MatrixQuestion.class::cast).findFirst(), s.questions().stream().filter(ScaleQuestion.class::isInstance)
          .map(ScaleQuestion.class::cast).findFirst(),
          SectionResults.byId(sections, s.id()).orElse(new SectionResults(s.id(), s.title(), null, List.of()))));
    }
    List<Block> blocks = new ArrayList<>();
    if (!persons.isEmpty()) blocks.add(summary(persons, weighted));
    for (int i = 0; i < persons.size(); i++) blocks.addAll(detail(i + 1, persons.get(i), form));
    List<Section> others = form.definition().sections().stream().filter(s -> s.subject() == null).toList();
    if (!others.isEmpty()) blocks.addAll(QuestionBlocks.of(form, others, sections));
    return blocks;
  }

  /**
   * The persons' sections may differ (FormValidator lets an organiser edit each), so the columns are the union over
   * all of them, and a person without a grade or an item shows "—" under its heading.
   */
  private static Block summary(List<Person> persons, List<WeightedScore> weighted) {
    Optional<ScaleQuestion> grades = persons.stream().flatMap(p -> p.grades().stream()).findFirst();
    ColumnHeadings heads = ColumnHeadings.of(false).single("姓名").single("职务");
    grades.ifPresent(g -> heads.single(g.options().get(0).label() + "率")
        .single(g.options().get(1).label() + "以上率"));
    List<MatrixRow> items = items(persons);
    items.forEach(r -> heads.single(r.label()));
    heads.single("个人得分");
    if (!weighted.isEmpty()) heads.single("分类考核加权结果");
    List<List<Cell>> rows = new ArrayList<>();
    for (Person p : persons) rows.add(summaryRow(p, grades.isPresent(), items, weighted));
    return new Block("测评结果汇总", heads.columns(), heads.build(), rows);
  }

  /** Every item any person is assessed on, matched by id as the tally counts them, in the order first met. */
  private static List<MatrixRow> items(List<Person> persons) {
    Map<String, MatrixRow> byId = new LinkedHashMap<>();
    for (Person p : persons) p.items().ifPresent(m -> m.rows().forEach(r -> byId.putIfAbsent(r.id(), r)));
    return List.copyOf(byId.values());
  }

  private static List<Cell> summaryRow(Person p, boolean grades, List<MatrixRow> items,
                                       List<WeightedScore> weighted) {
    List<Cell> cells = new ArrayList<>(List.of(Cell.text(p.section().subject().name()),
        Cell.text(p.section().subject().post())));
    if (grades) {
      Optional<ScaleResult> result = p.grades().map(p::graded);
      cells.add(Cell.rate(result.map(r -> Figure.valueOf(r.excellentRate())).orElse(null)));
      cells.add(Cell.rate(result.map(r -> Figure.valueOf(r.competentOrBetterRate())).orElse(null)));
    }
    Optional<MatrixResult> scored = p.items().map(p::scored);
    for (MatrixRow item : items) {
      // An item the person is not assessed on is not in the person's tally: its score is missing, printed "—".
      cells.add(Cell.score(scored.flatMap(s -> s.row(item.id())).map(r -> Figure.valueOf(r.score())).orElse(null)));
    }
    cells.add(Cell.score(scored.map(s -> Figure.valueOf(s.score())).orElse(null)));
    if (!weighted.isEmpty()) {
      cells.add(Cell.score(weighted.stream().filter(w -> p.section().id().equals(w.section())).findFirst()
          .map(WeightedScore::score).orElse(null)));
    }
    return cells;
  }

  private static List<Block> detail(int number, Person p, BallotForm form) {
    List<Block> blocks = new ArrayList<>();
    String name = number + ". " + p.section().subject().name() + "　" + p.section().subject().post();
    blocks.add(Block.line(name.strip()));
    p.items().ifPresent(m -> blocks.add(MatrixBlocks.main(m, p.scored(m), form.definition().rules(), true)));
    p.grades().ifPresent(g -> blocks.add(grades(g, p.graded(g))));
    return blocks;
  }

  /** 总体评价: each grade's count and share of the answers, 优秀率 and 称职以上率 of the valid ballots. */
  private static Block grades(ScaleQuestion g, ScaleResult result) {
    List<ScaleOption> options = g.options();
    ColumnHeadings heads = ColumnHeadings.of(true).single("评价项目").single("作答票数");
    options.forEach(o -> heads.pair(o.label(), "票数"));
    heads.single(options.get(0).label() + "率").single(options.get(1).label() + "以上率");
    List<Cell> cells = new ArrayList<>(List.of(Cell.text(g.text()), Cell.count(result.answered())));
    ItemBlocks.optionCells(cells, result.options());
    cells.add(Cell.rate(Figure.valueOf(result.excellentRate())));
    cells.add(Cell.rate(Figure.valueOf(result.competentOrBetterRate())));
    return new Block("", heads.columns(), heads.build(), List.of(cells));
  }
}
