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
 * twice in the tally: overall, and prefixed {@code c:<category>|} for the per-category figures (a ballot held in the
 * box carries each key once, {@link #held}).
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
  /**
   * The key that marks counters held in the box with each key once ({@link #held}); the mix adds each key's
   * {@code c:<category>|} twin from the held row's category. Its value is not a number: a mixer of an older
   * version, which would sum held counters as they stand and so miss every per-category figure, fails on it and
   * leaves the ballots held for a current mixer (a rolling upgrade, deploy/README.md).
   */
  public static final String PER_CATEGORY_IN_MIX = "~category";
  private static final String PER_CATEGORY_IN_MIX_VALUE = "added-when-mixed";
  private static final HexFormat HEX = HexFormat.of();
  /** Each thread's builders for {@link #held}: a ballot's counters are written whole at once, key by key. */
  private static final ThreadLocal<StringBuilder> JSON = ThreadLocal.withInitial(() -> new StringBuilder(4096));
  private static final ThreadLocal<StringBuilder> KEY = ThreadLocal.withInitial(() -> new StringBuilder(128));

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

  /** What one ballot adds to the results once it is mixed: every key overall and for the ballot's category. */
  public static Map<String, Long> of(List<BallotForm> forms, CountedBallot ballot) {
    Map<String, Long> counters = new LinkedHashMap<>();
    String category = "c:" + ballot.categoryCode() + "|";
    count(forms, ballot, new StringBuilder(128), key -> {
      String plain = key.toString();
      counters.merge(plain, 1L, Long::sum);
      counters.merge(category + plain, 1L, Long::sum);
    });
    return counters;
  }

  /**
   * What one ballot adds to the results, as the JSON object held with it in the box: each key once, plus
   * {@link #PER_CATEGORY_IN_MIX}; the mix (org.pingyi.box) adds each key's per-category twin, which makes {@link #of}'s
   * counters. Written key by key with no map or key string between. Each key comes once: every id a key is made of is
   * unique where it is used and made of letters, digits, '_' and '-' (org.pingyi.formeditor.Checks), and a chosen
   * option, reason or write-in once.
   */
  public static String held(List<BallotForm> forms, CountedBallot ballot) {
    StringBuilder out = JSON.get();
    out.setLength(0);
    out.append("{\"").append(PER_CATEGORY_IN_MIX).append("\":\"").append(PER_CATEGORY_IN_MIX_VALUE).append('"');
    StringBuilder key = KEY.get();
    key.setLength(0);
    count(forms, ballot, key, k -> {
      out.append(",\"");
      CanonicalJson.escape(out, k);
      out.append("\":1");
    });
    return out.append('}').toString();
  }

  /** Adds {@code more} into {@code total}. */
  public static void addInto(Map<String, Long> total, Map<String, Long> more) {
    more.forEach((key, n) -> total.merge(key, n, Long::sum));
  }

  /** Receives each key as it is written in {@code key}, valid only until the call returns. */
  @FunctionalInterface
  private interface Adder {
    void one(StringBuilder key);
  }

  /** Counts into keys written one after another in {@code key}: the key so far, then each key's end in turn. */
  private static void count(List<BallotForm> forms, CountedBallot ballot, StringBuilder key, Adder add) {
    one(key, add, "ballots", "");
    one(key, add, "ballots:", ballot.channel());
    if (ballot.unreadable()) {
      one(key, add, "unreadable", "");
      return;
    }
    for (BallotForm form : forms) {
      Map<?, ?> answers = map(ballot.answers().get(form.id()));
      for (Question q : form.questions()) {
        key.append(form.id()).append('|').append(q.id());
        count(key, q, answers.get(q.id()), add);
        key.setLength(0);
      }
    }
  }

  /** The key {@code key + a + b}, given to {@code add}; {@code key} is as it was afterwards. */
  private static void one(StringBuilder key, Adder add, String a, Object b) {
    int base = key.length();
    key.append(a).append(b);
    add.one(key);
    key.setLength(base);
  }

  private static void count(StringBuilder key, Question question, Object answer, Adder add) {
    if (question instanceof RecommendationQuestion q) {
      // A position left without any mark is an abstention on a valid ballot, so it is counted even when absent.
      int base = key.length();
      for (Position p : q.positions()) {
        key.append('|').append(p.id());
        position(key, p, q.mode(), map(answer).get(p.id()), add);
        key.setLength(base);
      }
      return;
    }
    if (answer == null) return;
    if (question instanceof ScaleQuestion) {
      one(key, add, "|answered", "");
      one(key, add, "|o:", answer);
    } else if (question instanceof MultiQuestion) {
      one(key, add, "|answered", "");
      for (Object o : list(answer)) one(key, add, "|o:", o);
    } else if (question instanceof TextQuestion) {
      one(key, add, "|answered", "");
    } else if (question instanceof MatrixQuestion) {
      int base = key.length();
      for (Map.Entry<?, ?> row : map(answer).entrySet()) {
        key.append('|').append(row.getKey());
        matrixRow(key, map(row.getValue()), add);
        key.setLength(base);
      }
    }
  }

  private static void matrixRow(StringBuilder key, Map<?, ?> row, Adder add) {
    Object option = row.get("option");
    if (option != null) {
      one(key, add, "|answered", "");
      one(key, add, "|o:", option);
    }
    for (Object reason : list(row.get("reasons"))) one(key, add, "|reason:", reason);
    int base = key.length();
    for (Map.Entry<?, ?> extra : map(row.get("extra")).entrySet()) {
      key.append("|x:").append(extra.getKey());
      one(key, add, ":", extra.getValue());
      key.setLength(base);
    }
  }

  private static void position(StringBuilder key, Position position, String mode, Object answer, Adder add) {
    Map<?, ?> part = map(answer);
    if (RecommendationQuestion.APPROVE.equals(mode)) {
      if (part.isEmpty()) one(key, add, "|abstain", "");
      int base = key.length();
      for (Map.Entry<?, ?> choice : part.entrySet()) {
        key.append("|c:").append(choice.getKey());
        one(key, add, ":", choice.getValue());
        key.setLength(base);
      }
      return;
    }
    List<?> selected = list(part.get("selected"));
    List<?> writeIns = list(part.get("writeIns"));
    int marks = selected.size() + writeIns.size();
    if (marks > position.seats()) {
      one(key, add, "|invalid", "");
    } else if (marks == 0) {
      one(key, add, "|abstain", "");
    } else {
      for (Object c : selected) one(key, add, "|c:", c);
      for (Object name : writeIns) one(key, add, "|w:", HEX.formatHex(String.valueOf(name).getBytes(StandardCharsets.UTF_8)));
    }
  }

  private static Map<?, ?> map(Object value) {
    return value instanceof Map<?, ?> m ? m : Map.of();
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> l ? l : List.of();
  }
}
