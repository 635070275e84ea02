package org.pingyi.recount;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pingyi.ballot.BallotForm;
import org.pingyi.ballot.PlainJson;
import org.pingyi.event.EventDetails;
import org.pingyi.event.VoterCategory;
import org.pingyi.summary.SummaryTable;
import org.pingyi.summary.SummaryTables;
import org.pingyi.form.FormJson;
import org.pingyi.tally.CountedBallot;
import org.pingyi.tally.Disclosure;
import org.pingyi.tally.TallyCounters;
import org.pingyi.tally.TallyReport;
import org.pingyi.tally.report.FormResults;

/**
 * The summary tables counted again from ballots.json alone: each ballot through the same counting rules as the
 * server (TallyCounters, TallyReport), laid out by the same table builder, with no database and no stored counter.
 * Plain Java. What ballots.json does not hold is left out: slips issued (发出) are not in it, and categories too
 * small to be named were merged into one unnamed group there, so they have no figures of their own.
 */
final class Recounting {
  /** The counting key of the merged, unnamed group; no category code can contain a space. */
  static final String MERGED = "其他 (merged)";

  private Recounting() {
  }

  /**
   * @param turnout         per named category, then the merged group (if any), then 合计: [label, 应到 or null,
   *                        收回, 手机, 纸质, 有效, 无效]
   * @param weightedUnknown positions (in {@code tables}) of the forms whose 分类考核 result cannot be recounted
   */
  record Result(EventDetails event, int ballots, List<SummaryTable> tables, List<List<String>> turnout,
                Set<Integer> weightedUnknown) {
  }

  static Result of(JsonObject document) {
    JsonObject eventJson = document.getJsonObject("event");
    EventDetails event = details(eventJson);
    List<BallotForm> forms = new ArrayList<>();
    for (Object item : document.getJsonArray("forms")) {
      JsonObject form = (JsonObject) item;
      forms.add(new BallotForm(form.getString("id"), FormJson.parse(form.getJsonObject("definition"))));
    }
    Map<String, Long> counters = new LinkedHashMap<>();
    Map<String, Long> perCategory = new LinkedHashMap<>();
    JsonArray ballots = document.getJsonArray("ballots");
    for (Object item : ballots) count((JsonObject) item, forms, counters, perCategory);
    long merged = perCategory.getOrDefault(MERGED, 0L);
    // With nothing merged, a category absent from ballots.json returned no ballot: it takes part as the server's
    // does (shown as empty). With a merged group, which categories are in it is unknown: only named ones take part.
    List<TallyReport.Category> categories = event.categories().stream()
        .filter(c -> merged == 0 || perCategory.containsKey(c.code()))
        .map(c -> new TallyReport.Category(c.code(), c.name(), c.expected(), c.weight(), 0, 0)).toList();
    TallyReport counted = TallyReport.of(forms, counters, categories, event.expectedAttendance(), Disclosure.FINAL);
    Set<Integer> weightedUnknown = weightedUnknown(forms, event, perCategory, merged);
    TallyReport report = !weightedMerged(event, perCategory, merged) ? counted
        : counted.withForms(counted.forms().stream().map(FormResults::withoutWeighted).toList());
    return new Result(event, ballots.size(), SummaryTables.of(event, forms, report),
        turnout(event, categories, counters, merged), weightedUnknown);
  }

  private static void count(JsonObject ballot, List<BallotForm> forms, Map<String, Long> counters,
                            Map<String, Long> perCategory) {
    String category = ballot.getString("category") == null ? MERGED : ballot.getString("category");
    String channel = ballot.getString("channel");
    @SuppressWarnings("unchecked")
    Map<String, Object> answers = (Map<String, Object>) PlainJson.of(ballot.getJsonObject("answers", new JsonObject()));
    // Voting has closed: every ballot cast (收回) is a ballot counted, as in the server's counters.
    TallyCounters.addInto(counters, TallyCounters.turnout(category, channel));
    TallyCounters.addInto(counters, TallyCounters.of(forms,
        new CountedBallot(category, channel, ballot.getBoolean("unreadable", false), answers)));
    perCategory.merge(category, 1L, Long::sum);
  }

  /**
   * A weighted category may hide in the merged group: then the server withheld the 分类考核 result or computed it
   * with that category's ballots, and neither can be told from ballots.json. Such a result is left out.
   */
  private static Set<Integer> weightedUnknown(List<BallotForm> forms, EventDetails event, Map<String, Long> perCategory,
                                              long merged) {
    Set<Integer> unknown = new LinkedHashSet<>();
    if (!weightedMerged(event, perCategory, merged)) return unknown;
    for (int i = 0; i < forms.size(); i++) {
      if ("assessment".equals(forms.get(i).definition().template())) unknown.add(i);
    }
    return unknown;
  }

  private static boolean weightedMerged(EventDetails event, Map<String, Long> perCategory, long merged) {
    return merged > 0 && event.categories().stream().anyMatch(c -> c.weight() != null && !perCategory.containsKey(c.code()));
  }

  private static List<List<String>> turnout(EventDetails event, List<TallyReport.Category> categories,
                                            Map<String, Long> counters, long merged) {
    List<List<String>> rows = new ArrayList<>();
    for (TallyReport.Category c : categories) {
      rows.add(line(c.name() + "（" + c.code() + "）", String.valueOf(c.expected()), counters, "c:" + c.code() + "|"));
    }
    if (merged > 0) rows.add(line("其他（选票过少的类别合并，不单列）", "—", counters, "c:" + MERGED + "|"));
    rows.add(line("合计", String.valueOf(event.expectedAttendance()), counters, ""));
    return rows;
  }

  private static List<String> line(String label, String expected, Map<String, Long> counters, String prefix) {
    long returned = counters.getOrDefault(prefix + "returned", 0L);
    long invalid = counters.getOrDefault(prefix + "unreadable", 0L);
    return List.of(label, expected, String.valueOf(returned),
        String.valueOf(counters.getOrDefault(prefix + "returned:phone", 0L)),
        String.valueOf(counters.getOrDefault(prefix + "returned:paper", 0L)),
        String.valueOf(counters.getOrDefault(prefix + "ballots", 0L) - invalid), String.valueOf(invalid));
  }

  /** The event's details as event.json (and ballots.json's "event") give them. */
  static EventDetails details(JsonObject e) {
    List<VoterCategory> categories = new ArrayList<>();
    for (Object item : e.getJsonArray("categories", new JsonArray())) {
      JsonObject c = (JsonObject) item;
      Number weight = c.getNumber("weight");
      categories.add(new VoterCategory(c.getString("code"), c.getString("name"), c.getInteger("expected", 0),
          weight == null ? null : weight.doubleValue()));
    }
    JsonObject responsible = e.getJsonObject("responsible", new JsonObject());
    return new EventDetails(e.getString("title"), e.getString("organizingUnit"),
        e.getString("date") == null ? null : LocalDate.parse(e.getString("date")), e.getString("venue"),
        e.getInteger("expectedAttendance", 0), categories, strings(e.getJsonArray("counters")),
        strings(e.getJsonArray("supervisors")), responsible.getString("name"), responsible.getString("title"));
  }

  private static List<String> strings(JsonArray array) {
    return array == null ? List.of() : array.stream().map(String::valueOf).toList();
  }
}
