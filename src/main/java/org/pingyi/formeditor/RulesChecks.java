package org.pingyi.formeditor;

import java.util.Set;
import java.util.stream.Collectors;
import org.pingyi.form.FormDefinition;
import org.pingyi.form.FormRules;
import org.pingyi.form.Fraction;
import org.pingyi.form.MatrixQuestion;
import org.pingyi.form.ScaleOption;
import org.pingyi.form.Threshold;
import org.pingyi.form.UnfavourableRule;

/** The draft rules of {@code rules}: shares are proper fractions and the flagged options exist. */
final class RulesChecks {

  private static final Set<String> COMPARISONS = Set.of(Threshold.EXCEEDS, Threshold.REACHES);

  private final Checks checks;

  RulesChecks(Checks checks) {
    this.checks = checks;
  }

  void check(FormRules rules, FormDefinition form) {
    if (rules == null) {
      checks.add("rules", "缺少 rules");
      return;
    }
    if (rules.minGroupSize() < 1) {
      checks.add("rules.minGroupSize", "至少为 1");
    }
    if (rules.unfavourable() != null) {
      threshold("rules.unfavourable", rules.unfavourable().threshold());
      unfavourableOptions(rules.unfavourable(), form);
    }
    if (rules.majority() != null) {
      threshold("rules.majority", rules.majority());
    }
    if (rules.quorum() != null) {
      fraction("rules.quorum", rules.quorum());
    }
  }

  private void threshold(String path, Threshold t) {
    fraction(path, t.share());
    if (!COMPARISONS.contains(t.comparison())) {
      checks.add(path + ".comparison", "只能是 exceeds（超过）或 reaches（达到）");
    }
  }

  private void fraction(String path, Fraction f) {
    if (f.denominator() < 1) {
      checks.add(path + ".denominator", "分母至少为 1");
    } else if (!f.isProperShare()) {
      checks.add(path, "比例必须大于 0 且不超过 1");
    }
  }

  /**
   * Kept simple on purpose: the options must be options of some matrix of the form, checked only when the
   * form has a matrix (a template without one has nothing to flag, and no way to be wrong).
   */
  private void unfavourableOptions(UnfavourableRule rule, FormDefinition form) {
    if (rule.options().isEmpty()) {
      checks.add("rules.unfavourable.options", "至少需要一个选项");
    }
    Set<String> matrixOptions = form.questions()
        .filter(MatrixQuestion.class::isInstance)
        .flatMap(q -> ((MatrixQuestion) q).options().stream())
        .map(ScaleOption::id)
        .collect(Collectors.toSet());
    if (matrixOptions.isEmpty()) {
      return;
    }
    for (int i = 0; i < rule.options().size(); i++) {
      if (!matrixOptions.contains(rule.options().get(i))) {
        checks.add("rules.unfavourable.options[" + i + "]", "评议表中没有这个选项：" + rule.options().get(i));
      }
    }
  }
}
