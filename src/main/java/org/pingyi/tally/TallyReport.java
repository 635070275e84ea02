package org.pingyi.tally;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pingyi.ballot.BallotForm;
import org.pingyi.tally.report.FormResults;
import org.pingyi.tally.report.Turnout;

/**
 * An event's tally from its summed counters ({@link TallyCounters}): the turnout line, and per form and question
 * the counts, rates and flags of docs/domain.md, overall and per voter category unless {@link Suppression} hides it.
 * Typed, in display order; {@link TallyJson} writes it as the screen and the API read it.
 *
 * @param forms null with {@link Disclosure#TURNOUT}: then no result at all leaves the server
 */
public record TallyReport(Turnout turnout, List<FormResults> forms) {

  /** A voter category with its 应到 and optional 分类考核 weight, and how many slips it was issued and voided. */
  public record Category(String code, String name, long expected, Double weight, long issued, long voided) {
  }

  /**
   * @param expected     the event's 应到人数
   * @param disclosure   what may be given away: with {@link Disclosure#TURNOUT} only the turnout line is built
   */
  public static TallyReport of(List<BallotForm> forms, Map<String, Long> counters, List<Category> categories,
                               long expected, Disclosure disclosure) {
    Turnout turnout = TurnoutCount.of(counters, categories, expected);
    if (disclosure == Disclosure.TURNOUT) return new TallyReport(turnout, null);
    List<FormResults> results = new ArrayList<>();
    for (BallotForm form : forms) results.add(FormTally.of(form, counters, categories, expected, disclosure));
    return new TallyReport(turnout, List.copyOf(results));
  }

  /** The results of the form with this id; empty when turnout-only or no such form. */
  public Optional<FormResults> form(String formId) {
    return forms == null ? Optional.empty() : forms.stream().filter(f -> f.id().equals(formId)).findFirst();
  }

  /** The same report with other form results (a recount that must leave some figure out). */
  public TallyReport withForms(List<FormResults> replaced) {
    return new TallyReport(turnout, replaced);
  }
}
