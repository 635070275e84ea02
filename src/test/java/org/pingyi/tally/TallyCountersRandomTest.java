package org.pingyi.tally;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pingyi.ballot.BallotForm;
import org.pingyi.formeditor.FormTemplates;
import org.pingyi.formeditor.TsvImport;

/**
 * Thousands of random ballots, valid and not: counting them one by one, in any order and in batches, always gives
 * the same tally, and it agrees with a naive count written independently here.
 */
class TallyCountersRandomTest {
  private static final BallotForm WORK = new BallotForm("work", FormTemplates.create("cadre-work").orElseThrow());
  private static final BallotForm CADRES = new BallotForm("nc", TsvImport.replaceMatrixRows(
      FormTemplates.create("new-cadres").orElseThrow(), "cadres", "张三\t\t\t\n李四\t\t\t\n王五\t\t\t"));
  private static final BallotForm REC = new BallotForm("rec", TsvImport.replaceCandidates(
      FormTemplates.create("recommendation").orElseThrow(), "rec", "p1", "赵一\n钱二\n孙三\n李四"));
  private static final List<BallotForm> FORMS = List.of(WORK, CADRES, REC);
  private static final List<String> GRADES = List.of("good", "fair", "average", "poor");
  private static final List<String> OPINIONS = List.of("agree", "basic", "disagree", "unknown");
  private static final List<String> CANDIDATES = List.of("c1", "c2", "c3", "c4");

  @Test
  void incrementalBatchedAndNaiveCountsAgreeAfterEveryBatch() {
    Random random = new Random(20261128);
    List<CountedBallot> ballots = new ArrayList<>();
    Map<String, Long> incremental = new HashMap<>();
    for (int batch = 0; batch < 20; batch++) {
      for (int i = 0; i < 150; i++) {
        CountedBallot ballot = randomBallot(random);
        ballots.add(ballot);
        TallyCounters.addInto(incremental, TallyCounters.of(FORMS, ballot));
        // What the box holds is written without the map, each key once; the mix's twins make it the very same counters.
        Map<String, Object> held = new JsonObject(TallyCounters.held(FORMS, ballot)).getMap();
        assertThat(held.keySet()).noneMatch(key -> key.startsWith("c:"));
        assertThat(asMixed(held, ballot.categoryCode())).isEqualTo(TallyCounters.of(FORMS, ballot));
      }
      List<CountedBallot> shuffled = new ArrayList<>(ballots);
      Collections.shuffle(shuffled, random);
      Map<String, Long> recount = new HashMap<>();
      shuffled.forEach(b -> TallyCounters.addInto(recount, TallyCounters.of(FORMS, b)));

      assertThat(incremental).isEqualTo(recount);
      assertNaiveCountsAgree(ballots, incremental);
      assertThat(TallyReport.of(FORMS, incremental, List.of(), 0, Disclosure.FINAL))
          .isEqualTo(TallyReport.of(FORMS, recount, List.of(), 0, Disclosure.FINAL));
    }
  }

  /** What the mix's SQL makes of held counters (org.pingyi.box.BoxRepository): each key, and its per-category twin. */
  private static Map<String, Long> asMixed(Map<String, Object> held, String categoryCode) {
    assertThat(held).containsKey(TallyCounters.PER_CATEGORY_IN_MIX);
    Map<String, Long> counters = new LinkedHashMap<>();
    held.forEach((key, n) -> {
      if (key.equals(TallyCounters.PER_CATEGORY_IN_MIX)) return;
      counters.merge(key, ((Number) n).longValue(), Long::sum);
      counters.merge("c:" + categoryCode + "|" + key, ((Number) n).longValue(), Long::sum);
    });
    return counters;
  }

  private static void assertNaiveCountsAgree(List<CountedBallot> ballots, Map<String, Long> counters) {
    assertThat(counters.get("ballots")).isEqualTo(ballots.size());
    assertThat(counters.getOrDefault("unreadable", 0L)).isEqualTo(ballots.stream().filter(CountedBallot::unreadable).count());
    for (String grade : GRADES) {
      long naive = ballots.stream().filter(b -> !b.unreadable() && grade.equals(form(b, "work").get("q1"))).count();
      assertThat(counters.getOrDefault("work|q1|o:" + grade, 0L)).as(grade).isEqualTo(naive);
    }
    long invalidParts = ballots.stream().filter(b -> !b.unreadable() && marks(b) > 1).count();
    assertThat(counters.getOrDefault("rec|rec|p1|invalid", 0L)).isEqualTo(invalidParts);
    for (String candidate : CANDIDATES) {
      long naive = ballots.stream().filter(b -> !b.unreadable() && marks(b) == 1 && selected(b).contains(candidate)).count();
      assertThat(counters.getOrDefault("rec|rec|p1|c:" + candidate, 0L)).as(candidate).isEqualTo(naive);
    }
    long disagreeWithZhang = ballots.stream().filter(b -> !b.unreadable()
        && "disagree".equals(row(b, "r1").get("option")) && "A".equals(b.categoryCode())).count();
    assertThat(counters.getOrDefault("c:A|nc|cadres|r1|o:disagree", 0L)).isEqualTo(disagreeWithZhang);
  }

  private static CountedBallot randomBallot(Random random) {
    String category = random.nextBoolean() ? "A" : "B";
    if (random.nextInt(20) == 0) return new CountedBallot(category, "paper", true, Map.of());
    boolean paper = random.nextInt(4) == 0;
    Map<String, Object> answers = new LinkedHashMap<>();
    Map<String, Object> work = new LinkedHashMap<>();
    if (!paper || random.nextBoolean()) work.put("q1", pick(random, GRADES));
    work.put("q2", pick(random, GRADES));
    List<String> problems = new ArrayList<>();
    for (int p = 1; p <= 12; p++) if (random.nextInt(5) == 0) problems.add("p" + p);
    if (!problems.isEmpty()) work.put("q4", problems);
    answers.put("work", work);
    Map<String, Object> rows = new LinkedHashMap<>();
    for (String row : List.of("r1", "r2", "r3")) {
      String option = pick(random, OPINIONS);
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("option", option);
      if (option.equals("disagree") && random.nextBoolean()) answer.put("reasons", List.of("ability"));
      answer.put("extra", Map.of("canvass", pick(random, List.of("yes", "no", "unknown"))));
      rows.put(row, answer);
    }
    answers.put("nc", Map.of("cadres", rows));
    List<String> marked = new ArrayList<>(CANDIDATES);
    Collections.shuffle(marked, random);
    int count = paper ? random.nextInt(4) : random.nextInt(2);   // paper may mark too many
    Map<String, Object> part = count == 0 ? Map.of() : Map.of("selected", marked.subList(0, count));
    answers.put("rec", part.isEmpty() ? Map.of() : Map.of("rec", Map.of("p1", part)));
    return new CountedBallot(category, paper ? "paper" : "phone", false, answers);
  }

  private static String pick(Random random, List<String> options) {
    return options.get(random.nextInt(options.size()));
  }

  private static Map<?, ?> form(CountedBallot b, String id) {
    return (Map<?, ?>) b.answers().getOrDefault(id, Map.of());
  }

  private static Map<?, ?> row(CountedBallot b, String row) {
    Map<?, ?> cadres = (Map<?, ?>) form(b, "nc").get("cadres");
    Object answer = cadres == null ? null : cadres.get(row);
    return answer == null ? Map.of() : (Map<?, ?>) answer;
  }

  private static List<?> selected(CountedBallot b) {
    Map<?, ?> rec = (Map<?, ?>) form(b, "rec").get("rec");
    if (rec == null) return List.of();
    Map<?, ?> p1 = (Map<?, ?>) rec.get("p1");
    Object selected = p1 == null ? null : p1.get("selected");
    return selected == null ? List.of() : (List<?>) selected;
  }

  private static int marks(CountedBallot b) {
    return selected(b).size();
  }
}
