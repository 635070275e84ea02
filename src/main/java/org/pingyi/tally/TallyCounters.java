package org.pingyi.tally;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingyi.ballot.BallotForm;
import org.pingyi.ballot.CanonicalJson;
import org.pingyi.form.MatrixQuestion;
import org.pingyi.form.MultiQuestion;
import org.pingyi.form.Position;
import org.pingyi.form.Question;
import org.pingyi.form.RecommendationQuestion;
import org.pingyi.form.ScaleQuestion;
import org.pingyi.form.TextQuestion;

/**
 * What one ballot adds to an event's tally, as named counters. The tally is only ever the sum of these over the
 * stored ballots, so counting incrementally and recounting from scratch cannot disagree. Every counter exists
 * twice: overall, and prefixed {@code c:<category>|} for the per-category figures.
 *
 * <p>Two kinds of counter. Turnout ({@link #turnout}: {@code returned}, {@code returned:<channel>}) is public in the
 * hall and is added when a ballot is cast. Results ({@link #of}) are added only when the ballot box mixes the ballot
 * in with at least k others (org.pingyi.box), so that no state anyone can see differs from another by one ballot.
 *
 * <p>Result keys (f = form id, q = question id): {@code ballots}, {@code ballots:<channel>}, {@code unreadable};
 * {@code f|q|answered}, {@code f|q|o:<option>} (scale, multi; text only answered); matrix rows
 * {@code f|q|<row>|answered}, {@code f|q|<row>|o:<option>}, {@code f|q|<row>|reason:<id>},
 * {@code f|q|<row>|x:<extra>:<option>}; recommendation positions {@code f|q|<position>|invalid} (more marks than
 * seats: that position's part is invalid, docs/domain.md), {@code f|q|<position>|abstain} (no mark, valid),
 * {@code f|q|<position>|c:<candidate>}, {@code f|q|<position>|w:<hex of the written name>}, and in approve mode
 * {@code f|q|<position>|c:<candidate>:<option>}. An unreadable ballot adds only the first three.
 */
public final class TallyCounters {
  private static final HexFormat HEX = HexFormat.of();
  /** Each thread's builder for {@link #json(List, CountedBallot)}: a ballot's counters are written whole at once. */
  private static final ThreadLocal<StringBuilder> JSON = ThreadLocal.withInitial(() -> new StringBuilder(4096));

  private TallyCounters() {
  }

  /** What casting one ballot adds to the turnout, overall and for its category. */
  public static Map<String, Long> turnout(String categoryCode, String channel) {
    Map<String, Long> counters = new LinkedHashMap<>();
    for (String prefix : List.of("", "c:" + categoryCode + "|")) {
      counters.put(prefix + "returned", 1L);
      counters.put(prefix + "returned:" + channel, 1L);
    }
    return counters;
  }

  /** What one ballot adds to the results once it is mixed. */
  public static Map<String, Long> of(List<BallotForm> forms, CountedBallot ballot) {
    Map<String, Long> counters = new LinkedHashMap<>();
    String category = "c:" + ballot.categoryCode() + "|";
    count(forms, ballot, key -> {
      counters.merge(key, 1L, Long::sum);
      counters.merge(category + key, 1L, Long::sum);
    });
    return counters;
  }

  /**
   * The same counters as {@code json(of(forms, ballot))}, written straight into the JSON held with a ballot in the
   * box, with no map between. Each key comes once: every id a key is made of is unique where it is used and made
   * of letters, digits, '_' and '-' (org.pingyi.formeditor.Checks), and a chosen option, reason or write-in once.
   */
  public static String json(List<BallotForm> forms, CountedBallot ballot) {
    StringBuilder out = JSON.get();
    out.setLength(0);
    out.append('{');
    String category = "c:" + ballot.categoryCode() + "|";
    count(forms, ballot, key -> {
      entry(out, "", key, 1);
      entry(out, category, key, 1);
    });
    return out.append('}').toString();
  }

  private static void count(List<BallotForm> forms, CountedBallot ballot, Adder add) {
    add.one("ballots");
    add.one("ballots:" + ballot.channel());
    if (ballot.unreadable()) {
      add.one("unreadable");
      return;
    }
    for (BallotForm form : forms) {
      Map<?, ?> answers = map(ballot.answers().get(form.id()));
      for (Question q : form.questions()) count(form.id() + "|" + q.id(), q, answers.get(q.id()), add);
    }
  }

  /** The counters as a JSON object, as held with a ballot in the box (written by hand: no copy, no codec). */
  public static String json(Map<String, Long> counters) {
    StringBuilder out = new StringBuilder(counters.size() * 64).append('{');
    counters.forEach((key, n) -> entry(out, "", key, n));
    return out.append('}').toString();
  }

  private static void entry(StringBuilder out, String prefix, String key, long n) {
    if (out.length() > 1) out.append(',');
    out.append('"');
    CanonicalJson.escape(out, prefix);
    CanonicalJson.escape(out, key);
    out.append("\":").append(n);
  }

  /** Adds {@code more} into {@code total}. */
  public static void addInto(Map<String, Long> total, Map<String, Long> more) {
    more.forEach((key, n) -> total.merge(key, n, Long::sum));
  }

  @FunctionalInterface
  private interface Adder {
    void one(String key);
  }

  private static void count(String prefix, Question question, Object answer, Adder add) {
    if (question instanceof RecommendationQuestion q) {
      // A position left without any mark is an abstention on a valid ballot, so it is counted even when absent.
      for (Position p : q.positions()) position(prefix + "|" + p.id(), p, q.mode(), map(answer).get(p.id()), add);
      return;
    }
    if (answer == null) return;
    if (question instanceof ScaleQuestion) {
      add.one(prefix + "|answered");
      add.one(prefix + "|o:" + answer);
    } else if (question instanceof MultiQuestion) {
      add.one(prefix + "|answered");
      list(answer).forEach(o -> add.one(prefix + "|o:" + o));
    } else if (question instanceof TextQuestion) {
      add.one(prefix + "|answered");
    } else if (question instanceof MatrixQuestion) {
      map(answer).forEach((row, value) -> matrixRow(prefix + "|" + row, map(value), add));
    }
  }

  private static void matrixRow(String prefix, Map<?, ?> row, Adder add) {
    if (row.get("option") != null) {
      add.one(prefix + "|answered");
      add.one(prefix + "|o:" + row.get("option"));
    }
    list(row.get("reasons")).forEach(r -> add.one(prefix + "|reason:" + r));
    map(row.get("extra")).forEach((extra, option) -> add.one(prefix + "|x:" + extra + ":" + option));
  }

  private static void position(String prefix, Position position, String mode, Object answer, Adder add) {
    Map<?, ?> part = map(answer);
    if (RecommendationQuestion.APPROVE.equals(mode)) {
      if (part.isEmpty()) add.one(prefix + "|abstain");
      part.forEach((candidate, option) -> add.one(prefix + "|c:" + candidate + ":" + option));
      return;
    }
    List<?> selected = list(part.get("selected"));
    List<?> writeIns = list(part.get("writeIns"));
    int marks = selected.size() + writeIns.size();
    if (marks > position.seats()) {
      add.one(prefix + "|invalid");
    } else if (marks == 0) {
      add.one(prefix + "|abstain");
    } else {
      selected.forEach(c -> add.one(prefix + "|c:" + c));
      writeIns.forEach(name -> add.one(prefix + "|w:" + HEX.formatHex(String.valueOf(name).getBytes(StandardCharsets.UTF_8))));
    }
  }

  private static Map<?, ?> map(Object value) {
    return value instanceof Map<?, ?> m ? m : Map.of();
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> l ? l : List.of();
  }
}
