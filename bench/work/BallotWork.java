import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.pingyi.ballot.BallotForm;
import org.pingyi.ballot.BallotValidator;
import org.pingyi.ballot.CanonicalJson;
import org.pingyi.ballot.Receipt;
import org.pingyi.ballot.Strictness;
import org.pingyi.box.NewBallot;
import org.pingyi.crypto.StoredSecrets;
import org.pingyi.formeditor.FormTemplates;
import org.pingyi.formeditor.TsvImport;
import org.pingyi.http.JsonBody;
import org.pingyi.slip.SlipTokens;
import org.pingyi.tally.CountedBallot;
import org.pingyi.tally.TallyCounters;

/**
 * What a ballot costs the server's own code, with no HTTP and no database: the steps VoteRoutes and CastService
 * take for one phone ballot between reading its body and writing its answer (decode, nonce and token checks, the
 * token's hash, the rules, the canonical text, the receipt, the held counters, the 201's text), on the forms and
 * the ballot bench/run-load.sh casts, one thread, after a warm-up. Subtracted from the server's CPU and allocation
 * per ballot in the same run, what is left is what the ballot's HTTP exchange, its slip look-up and its group
 * commit cost through Vert.x, Netty and the pg client.
 *
 *   java -cp target/pingyi.jar bench/work/BallotWork.java [ballots]
 *
 * Prints work_us_per_ballot=<µs of CPU> work_kb_per_ballot=<KB allocated>.
 */
public class BallotWork {
  public static void main(String[] args) throws Exception {
    int measured = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
    List<BallotForm> forms = List.of(
        new BallotForm("f-work", FormTemplates.create("cadre-work").orElseThrow()),
        new BallotForm("f-new", TsvImport.replaceMatrixRows(FormTemplates.create("new-cadres").orElseThrow(), "cadres",
            "张三\t办公室副主任\t办公室主任\t2025.03\n李四\t科员\t副科长\t2025.06\n王五\t副科长\t科长\t2025.09")),
        new BallotForm("f-rec", TsvImport.replaceCandidates(FormTemplates.create("recommendation").orElseThrow(), "rec", "p1",
            "赵一\t男\t1980.01\t科长\n钱二\t女\t1982.05\t副科长")));
    JsonObject row = new JsonObject().put("option", "agree").put("extra", new JsonObject().put("canvass", "no"));
    JsonObject answers = new JsonObject()
        .put("f-work", new JsonObject().put("q1", "good").put("q2", "fair").put("q3", "good")
            .put("q4", new JsonArray().add("p3").add("p1")).put("q5", "  加强监督。 "))
        .put("f-new", new JsonObject().put("cadres", new JsonObject()
            .put("r1", row.copy())
            .put("r2", new JsonObject().put("option", "disagree").put("reasons", new JsonArray().add("ability"))
                .put("extra", new JsonObject().put("canvass", "unknown")))
            .put("r3", row.copy())))
        .put("f-rec", new JsonObject().put("rec", new JsonObject()
            .put("p1", new JsonObject().put("selected", new JsonArray().add("c1")))));

    // As many distinct slips and phones as the loop needs to keep the JIT honest; made before the measurement.
    Random random = new Random(20261203);
    List<String> tokens = new ArrayList<>();
    List<Buffer> bodies = new ArrayList<>();
    for (int i = 0; i < 1024; i++) {
      tokens.add(randomBase64(random, 24));
      bodies.add(Buffer.buffer(new JsonObject().put("nonce", randomBase64(random, 16)).put("answers", answers).encode()));
    }
    UUID eventId = UUID.randomUUID();

    long sink = run(forms, tokens, bodies, eventId, measured);   // warm-up, as long as the measurement
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    sink += run(forms, tokens, bodies, eventId, measured);
    cpu = threads.getCurrentThreadCpuTime() - cpu;
    allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - allocated;
    System.out.printf("work_us_per_ballot=%.1f work_kb_per_ballot=%.1f ballots=%d check=%d%n",
        cpu / 1e3 / measured, allocated / 1024.0 / measured, measured, sink & 0xff);
  }

  /** The steps of one ballot, {@code count} times; returns a value made of every result, so none is left out. */
  private static long run(List<BallotForm> forms, List<String> tokens, List<Buffer> bodies, UUID eventId,
                          int count) {
    long sink = 0;
    for (int i = 0; i < count; i++) {
      String token = tokens.get(i & 1023);
      Buffer raw = bodies.get(i & 1023);
      JsonObject body = JsonBody.decode(raw);
      String nonce = body.getString("nonce");
      if (!Receipt.isNonce(nonce) || !SlipTokens.wellFormed(token)) throw new IllegalStateException("refused");
      byte[] tokenHash = StoredSecrets.hash(token);
      BallotValidator.Result checked = BallotValidator.check(forms, body.getMap().get("answers"), Strictness.ONLINE);
      if (!checked.valid()) throw new IllegalStateException(checked.problems().toString());
      String canonical = CanonicalJson.write(checked.answers());
      Receipt receipt = Receipt.of(eventId, token, canonical, nonce);
      NewBallot ballot = new NewBallot(eventId, "B", NewBallot.PHONE, false, canonical, receipt.hash(),
          TallyCounters.held(forms, new CountedBallot("B", NewBallot.PHONE, false, checked.answers())));
      String answer = "{\"receipt\":\"" + receipt.code() + "\",\"replay\":" + false + "}";
      sink += tokenHash[0] + ballot.counters().length() + ballot.answers().length() + answer.length();
    }
    return sink;
  }

  private static String randomBase64(Random random, int bytes) {
    byte[] value = new byte[bytes];
    random.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }
}
