package org.pingyi.summary;

import java.util.ArrayList;
import java.util.List;
import org.pingyi.ballot.BallotForm;
import org.pingyi.summary.ItemBlocks.Numbered;
import org.pingyi.summary.SummaryTable.Block;
import org.pingyi.form.ExtraScale;
import org.pingyi.form.MatrixQuestion;
import org.pingyi.form.MultiQuestion;
import org.pingyi.form.Question;
import org.pingyi.form.RecommendationQuestion;
import org.pingyi.form.ScaleQuestion;
import org.pingyi.form.Section;
import org.pingyi.form.TextQuestion;
import org.pingyi.tally.report.MatrixResult;
import org.pingyi.tally.report.MultiResult;
import org.pingyi.tally.report.RecommendationResult;
import org.pingyi.tally.report.ScaleResult;
import org.pingyi.tally.report.SectionResults;
import org.pingyi.tally.report.TextResult;

/** The tables of ordinary sections, question by question in ballot order, whatever the template. */
final class QuestionBlocks {

  private QuestionBlocks() {
  }

  /** @param sections the report's sections (overall or one category's), matched to the form's by id */
  static List<Block> of(BallotForm form, List<Section> chosen, List<SectionResults> sections) {
    List<Block> blocks = new ArrayList<>();
    int number = 0;
    for (Section section : form.definition().sections()) {
      SectionResults counted = SectionResults.byId(sections, section.id())
          .orElse(new SectionResults(section.id(), section.title(), null, List.of()));
      List<Numbered<ScaleQuestion, ScaleResult>> scales = new ArrayList<>();
      for (Question q : section.questions()) {
        number++;
        if (!chosen.contains(section)) continue;
        if (q instanceof ScaleQuestion s) {
          if (!scales.isEmpty() && !scales.get(0).question().options().equals(s.options())) flush(scales, blocks);
          scales.add(new Numbered<>(number, s, counted.question(q.id(), ScaleResult.class).orElse(Absent.scale(s))));
          continue;
        }
        flush(scales, blocks);
        blocks.addAll(blocksOf(form, q, number, counted));
      }
      flush(scales, blocks);
    }
    return blocks;
  }

  private static List<Block> blocksOf(BallotForm form, Question q, int number, SectionResults counted) {
    if (q instanceof MultiQuestion m) {
      return List.of(ItemBlocks.multi(new Numbered<>(number, m,
          counted.question(q.id(), MultiResult.class).orElse(Absent.multi(m)))));
    }
    if (q instanceof TextQuestion t) {
      return List.of(ItemBlocks.text(new Numbered<>(number, t,
          counted.question(q.id(), TextResult.class).orElse(Absent.text(t)))));
    }
    if (q instanceof RecommendationQuestion r) {
      return RecommendationBlocks.of(r, counted.question(q.id(), RecommendationResult.class)
          .orElse(Absent.recommendation(r)), form.definition().rules());
    }
    MatrixQuestion m = (MatrixQuestion) q;
    MatrixResult result = counted.question(q.id(), MatrixResult.class).orElse(Absent.matrix(m));
    List<Block> blocks = new ArrayList<>();
    blocks.add(MatrixBlocks.main(m, result, form.definition().rules(), false));
    if (m.reason() != null) blocks.add(MatrixBlocks.reasons(m, result));
    for (ExtraScale extra : m.extra()) blocks.add(MatrixBlocks.extra(m, extra, result));
    return blocks;
  }

  private static void flush(List<Numbered<ScaleQuestion, ScaleResult>> scales, List<Block> blocks) {
    if (scales.isEmpty()) return;
    blocks.add(ItemBlocks.scales(List.copyOf(scales)));
    scales.clear();
  }
}
