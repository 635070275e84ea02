package org.pingyi.tally.report;

import java.util.List;

/**
 * A single-choice scale over the ballots that answered it: 好评率 when it has favourable options, the rate leaving out
 * 不了解 when it has that option, and 优秀率 / 称职以上率 (over the valid ballots) for the 民主测评 grades; each null
 * when it does not apply.
 */
public record ScaleResult(String id, String kind, String text, long answered, List<OptionCount> options,
                          Figure favourableRate, Figure favourableRateExcludingUnknown, Figure excellentRate,
                          Figure competentOrBetterRate) implements QuestionResult {
}
