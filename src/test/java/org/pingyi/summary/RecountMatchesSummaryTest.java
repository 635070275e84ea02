package org.pingyi.summary;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.recount.Recount;
import org.pingyi.support.Fixtures;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Slow;

/**
 * The standalone recount (java -jar pingyi.jar recount 归档包.zip) against the summary tables of the same bundle,
 * for each of the four templates: every line of the results, and the turnout figures ballots.json holds, are
 * printed exactly as summary.xlsx has them, counted from the ballots alone, with no database.
 */
@Slow
class RecountMatchesSummaryTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  @TempDir
  static Path dir;
  private static final Map<String, Path> bundles = new java.util.HashMap<>();

  @BeforeAll
  static void voteCloseAndArchiveOneEventPerTemplate() throws Exception {
    bundles.put("cadre-work", archive(cadreWork()));
    bundles.put("new-cadres", archive(newCadres()));
    bundles.put("recommendation", archive(recommendation()));
    bundles.put("assessment", archive(assessment()));
  }

  @Test
  void cadreWorkRecountEqualsTheSummaryIncludingEachCategory() throws Exception {
    String printed = RecountCheck.recount(bundles.get("cadre-work"));

    RecountCheck.assertMatchesSummary(bundles.get("cadre-work"), printed);
    assertThat(printed).contains(RecountCheck.BY_CATEGORY).contains("好评率");
  }

  @Test
  void newCadresRecountEqualsTheSummary() throws Exception {
    RecountCheck.assertMatchesSummary(bundles.get("new-cadres"), RecountCheck.recount(bundles.get("new-cadres")));
  }

  @Test
  void recommendationRecountEqualsTheSummaryWithVoidPartsAbstentionsAndWriteIns() throws Exception {
    String printed = RecountCheck.recount(bundles.get("recommendation"));

    RecountCheck.assertMatchesSummary(bundles.get("recommendation"), printed);
    assertThat(printed).contains("周四");
  }

  @Test
  void assessmentRecountEqualsTheSummaryAndSaysWhyNoWeightedResultIsGiven() throws Exception {
    String printed = RecountCheck.recount(bundles.get("assessment"));

    RecountCheck.assertMatchesSummary(bundles.get("assessment"), printed);
    assertThat(printed).contains("分类考核加权结果：有设权重的类别因选票过少在 ballots.json 中合并为“其他”");
    assertThat(printed).contains("其他（选票过少的类别合并，不单列） | — | 10 | 8 | 2 | 9 | 1");
  }

  @Test
  void theCommandRunsInAJvmOfItsOwnWithNoDatabaseConfigured() throws Exception {
    ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.pingyi.Main", "recount",
        bundles.get("cadre-work").toString()).redirectErrorStream(true);
    java.environment().keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("DATABASE") || k.startsWith("PINGYI"));
    Process process = java.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor()).as(output).isZero();
    assertThat(output).isEqualTo(RecountCheck.recount(bundles.get("cadre-work")));
  }

  @Test
  void aBundleWhoseBallotsWereAlteredIsRefused() throws Exception {
    Path altered = dir.resolve("altered.zip");
    rewrite(bundles.get("cadre-work"), altered, "ballots.json", text -> text.replace("\"good\"", "\"poor\""));
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit = Recount.run(new String[] {"recount", altered.toString()}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("文件与 SHA256SUMS 不符（已被改动）：ballots.json");
  }

  private static void rewrite(Path from, Path to, String name, java.util.function.UnaryOperator<String> change)
      throws Exception {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from), StandardCharsets.UTF_8);
         ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to), StandardCharsets.UTF_8)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        byte[] bytes = in.readAllBytes();
        if (e.getName().equals(name)) {
          bytes = change.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(bytes);
        out.closeEntry();
      }
    }
  }

  /** Closes, archives (every slip issued was used) and downloads the bundle to a file. */
  private static Path archive(SummaryEvent event) throws Exception {
    event.close();
    var archived = event.organizer.post("/api/events/" + event.id + "/archive", null);
    assertThat(archived.statusCode()).as(archived.bodyAsString()).isEqualTo(200);
    var bundle = event.clerk1.get("/api/events/" + event.id + "/archive/bundle.zip");
    assertThat(bundle.statusCode()).isEqualTo(200);
    Path file = dir.resolve(event.id + ".zip");
    Files.write(file, bundle.body().getBytes());
    return file;
  }

  /** Both categories with at least five ballots, so each is shown apart; a blank item and an unreadable ballot. */
  private static SummaryEvent cadreWork() {
    SummaryEvent e = SummaryEvent.draft(server, "cadre-work", x -> x, "cw").open().issue("A", 5).issue("B", 7);
    String[] grades = {"good", "fair", "average", "poor"};
    for (int i = 0; i < 5; i++) {
      e.phone("A", items(grades[i % 4], grades[(i + 1) % 4], grades[i / 2 % 4])
          .put("q4", new JsonArray().add("p" + (i + 1)).add("p12")).put("q5", "意见" + i));
    }
    for (int i = 0; i < 4; i++) e.phone("B", items(grades[i % 2], "good", grades[(i + 3) % 4]).put("q4", new JsonArray().add("p3")));
    return e.paper("B", new JsonObject().put("q2", "good").put("q3", "fair")).paper("B", items("poor", "poor", "good"))
        .unreadable("B");
  }

  private static SummaryEvent newCadres() {
    SummaryEvent e = SummaryEvent.draft(server, "new-cadres", x -> x, "nc")
        .paste(new JsonObject().put("questionId", "cadres").put("tsv", Fixtures.THREE_CADRES)).open()
        .issue("A", 3).issue("B", 7);
    e.phone("A", cadres("disagree", "disagree", "agree", "no")).phone("A", cadres("agree", "disagree", "agree", "no"))
        .phone("A", cadres("basic", "agree", "agree", "yes"));
    JsonObject reason = cadres("disagree", "disagree", "agree", "yes");
    reason.getJsonObject("cadres").getJsonObject("r1").put("reasons", new JsonArray().add("ability").add("other"));
    return e.phone("B", reason).phone("B", cadres("disagree", "disagree", "basic", "no"))
        .phone("B", cadres("agree", "unknown", "agree", "no")).phone("B", cadres("unknown", "basic", "agree", "unknown"))
        .paper("B", cadres("agree", "agree", "agree", "no")).paper("B", cadres("disagree", "agree", "basic", "no"))
        .unreadable("B");
  }

  private static SummaryEvent recommendation() {
    SummaryEvent e = SummaryEvent.draft(server, "recommendation", x -> x, "rc")
        .paste(new JsonObject().put("questionId", "rec").put("positionId", "p1")
            .put("tsv", "赵一\t男\t1980.01\t科长\n钱二\t女\t1982.05\t副科长\n孙三\t男\t1979.11\t主任科员"))
        .open().issue("A", 5).issue("B", 6);
    e.phone("A", marks("c1")).phone("A", marks("c1")).phone("A", marks("c2")).phone("A", marks("c3"))
        .phone("A", new JsonObject().put("rec", new JsonObject().put("p1", new JsonObject()
            .put("selected", new JsonArray()).put("writeIns", new JsonArray().add("周四")))));
    return e.phone("B", marks("c1")).phone("B", marks("c2")).paper("B", marks()).paper("B", marks("c1", "c2"))
        .paper("B", marks("c1")).unreadable("B");
  }

  /** A (weight 30) returns three ballots: too few to be named in ballots.json, and so is B beside it. */
  private static SummaryEvent assessment() {
    SummaryEvent e = SummaryEvent.draft(server, "assessment", x -> x, "as")
        .paste(new JsonObject().put("target", "subjects").put("tsv", "刘一\t局长\n陈二\t副局长")).open()
        .issue("A", 3).issue("B", 7);
    e.phone("A", people("good", "excellent", "fair")).phone("A", people("good", "excellent", "good"))
        .phone("A", people("fair", "competent", "average"));
    return e.phone("B", people("good", "excellent", "fair")).phone("B", people("fair", "competent", "poor"))
        .phone("B", people("average", "basic", "fair")).phone("B", people("fair", "competent", "fair"))
        .phone("B", people("poor", "incompetent", "good")).paper("B", people("poor", "incompetent", "average"))
        .unreadable("B");
  }

  private static JsonObject items(String q1, String q2, String q3) {
    return new JsonObject().put("q1", q1).put("q2", q2).put("q3", q3);
  }

  private static JsonObject cadres(String r1, String r2, String r3, String canvassOfR2) {
    return new JsonObject().put("cadres", new JsonObject()
        .put("r1", new JsonObject().put("option", r1).put("extra", new JsonObject().put("canvass", "no")))
        .put("r2", new JsonObject().put("option", r2).put("extra", new JsonObject().put("canvass", canvassOfR2)))
        .put("r3", new JsonObject().put("option", r3).put("extra", new JsonObject().put("canvass", "no"))));
  }

  private static JsonObject marks(String... candidates) {
    return new JsonObject().put("rec", new JsonObject().put("p1", new JsonObject()
        .put("selected", new JsonArray(List.of((Object[]) candidates)))));
  }

  /** 刘一's five items marked {@code items} and his overall grade {@code overall}; 陈二's items {@code chen}. */
  private static JsonObject people(String items, String overall, String chen) {
    JsonObject liu = new JsonObject();
    JsonObject chenRows = new JsonObject();
    for (String item : List.of("de", "neng", "qin", "ji", "lian")) {
      liu.put(item, new JsonObject().put("option", items));
      chenRows.put(item, new JsonObject().put("option", chen));
    }
    return new JsonObject().put("p1-rows", liu).put("p1-overall", overall)
        .put("p2-rows", chenRows).put("p2-overall", "competent");
  }
}
