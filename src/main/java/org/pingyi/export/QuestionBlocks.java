package org.pingyi.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pingyi.ballot.BallotForm;
import org.pingyi.export.ItemBlocks.Numbered;
import org.pingyi.export.SummaryTable.Block;
import org.pingyi.form.ExtraScale;
import org.pingyi.form.MatrixQuestion;
import org.pingyi.form.MultiQuestion;
import org.pingyi.form.Question;
import org.pingyi.form.RecommendationQuestion;
import org.pingyi.form.ScaleQuestion;
import org.pingyi.form.Section;
import org.pingyi.form.TextQuestion;

/** The tables of ordinary sections, question by question in ballot order, whatever the template. */
final class QuestionBlocks {

  private QuestionBlocks() {
  }

  /** @param sections the report's sections (overall or one category's), matched to the form's by id */
  static List<Block> of(BallotForm form, List<Section> chosen, List<Map<String, Object>> sections) {
    List<Block> blocks = new ArrayList<>();
    int number = 0;
    for (Section section : form.definition().sections()) {
      Map<String, Object> counted = Figures.byId(sections, section.id()).orElse(Map.of());
      List<Numbered<ScaleQuestion>> scales = new ArrayList<>();
      for (Question q : section.questions()) {
        number++;
        if (!chosen.contains(section)) continue;
        Map<String, Object> result = Figures.byId(Figures.list(counted, "questions"), q.id()).orElse(Map.of());
        if (q instanceof ScaleQuestion s) {
          if (!scales.isEmpty() && !scales.get(0).question().options().equals(s.options())) flush(scales, blocks);
          scales.add(new Numbered<>(number, s, result));
          continue;
        }
        flush(scales, blocks);
        blocks.addAll(blocksOf(form, q, number, result));
      }
      flush(scales, blocks);
    }
    return blocks;
  }

  private static List<Block> blocksOf(BallotForm form, Question q, int number, Map<String, Object> result) {
    if (q instanceof MultiQuestion m) return List.of(ItemBlocks.multi(new Numbered<>(number, m, result)));
    if (q instanceof TextQuestion t) return List.of(ItemBlocks.text(new Numbered<>(number, t, result)));
    if (q instanceof RecommendationQuestion r) return RecommendationBlocks.of(r, result, form.definition().rules());
    MatrixQuestion m = (MatrixQuestion) q;
    List<Block> blocks = new ArrayList<>();
    blocks.add(MatrixBlocks.main(m, result, form.definition().rules(), false));
    if (m.reason() != null) blocks.add(MatrixBlocks.reasons(m, result));
    for (ExtraScale extra : m.extra()) blocks.add(MatrixBlocks.extra(m, extra, result));
    return blocks;
  }

  private static void flush(List<Numbered<ScaleQuestion>> scales, List<Block> blocks) {
    if (scales.isEmpty()) return;
    blocks.add(ItemBlocks.scales(List.copyOf(scales)));
    scales.clear();
  }
}
