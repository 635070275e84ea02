package org.pingyi.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.db.DatabaseSettings;
import org.pingyi.rawexport.CastBallots;
import org.pingyi.support.Api;
import org.pingyi.support.Db;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.TestDatabase;
import org.pingyi.support.Voting;

/** The archive zip (归档包): one deterministic zip whose SHA256SUMS matches its files and the hash the console shows. */
class ArchiveZipTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  private static Api organizer;
  private static Api clerk;
  private static CastBallots archived;

  @BeforeAll
  static void castCloseAndArchive() {
    organizer = server.api().asAdmin();
    clerk = server.api().asAdmin().newStaff("clerk2", "clerk", "clerk2-password");
    archived = CastBallots.cast(organizer, clerk, "归档包测试", 6, 5, 2);
    var done = organizer.post("/api/events/" + archived.voting.eventId + "/archive", null);
    assertThat(done.statusCode()).as(done.bodyAsString()).isEqualTo(200);
  }

  @Test
  void theManifestListsEveryFileWithItsSha256AndItsOwnHashIsTheOneShown(@TempDir Path dir) throws Exception {
    var response = clerk.get(bundle(archived.voting.eventId));
    Map<String, byte[]> files = unzip(response.body().getBytes());
    var shown = clerk.get("/api/events/" + archived.voting.eventId + "/archive/manifest").bodyAsJsonObject();
    List<String> forms = new Db(server.database()).strings(
        "SELECT id::text || ' ' || frozen_sha256 FROM forms WHERE event_id = ? ORDER BY position",
        UUID.fromString(archived.voting.eventId));

    assertThat(response.getHeader("Content-Type")).isEqualTo("application/zip");
    assertThat(files.keySet()).startsWith("README.txt", "event.json").endsWith("ballots.csv", "ballots.json",
        "summary.xlsx", "summary.pdf", "audit.json", "SHA256SUMS");
    String manifest = new String(files.get("SHA256SUMS"), StandardCharsets.UTF_8);
    for (String line : manifest.split("\n")) {
      assertThat(sha256(files.get(line.substring(66)))).as(line).isEqualTo(line.substring(0, 64));
    }
    assertThat(manifest.split("\n")).hasSize(files.size() - 1);
    assertThat(shown.getString("sha256")).isEqualTo(sha256(files.get("SHA256SUMS")));
    assertThat(shown.getString("manifest")).isEqualTo(manifest);
    for (String form : forms) {
      String[] idAndHash = form.split(" ");
      assertThat(sha256(files.get("forms/" + idAndHash[0] + ".json"))).isEqualTo(idAndHash[1]);
    }
    for (String file : List.of("ballots.csv", "summary.xlsx", "summary.pdf")) {
      assertThat(files.get(file)).as(file)
          .isEqualTo(clerk.get("/api/events/" + archived.voting.eventId + "/exports/" + file).body().getBytes());
    }
    assertThat(new String(files.get("audit.json"), StandardCharsets.UTF_8)).contains("\"action\":\"event.archived\"")
        .contains("\"action\":\"form.frozen\"");
    assertThat(sha256sumCheck(dir, files)).contains("ballots.csv: OK").contains("summary.pdf: OK").contains("README.txt: OK").doesNotContain("FAILED");
  }

  @Test
  void twoDownloadsGiveTheSameBytes() {
    byte[] first = organizer.get(bundle(archived.voting.eventId)).body().getBytes();
    byte[] second = clerk.get(bundle(archived.voting.eventId)).body().getBytes();

    assertThat(second).isEqualTo(first);
    assertThat(first.length).isGreaterThan(1000);
  }

  @Test
  void beforeArchivingTheBundleAndTheManifestAreRefusedWith409() {
    Voting open = Voting.open(organizer, "尚未归档");

    var bundle = clerk.get(bundle(open.eventId));
    var manifest = clerk.get("/api/events/" + open.eventId + "/archive/manifest");

    assertThat(bundle.statusCode()).isEqualTo(409);
    assertThat(bundle.bodyAsJsonObject().getString("error")).isEqualTo("event_not_archived");
    assertThat(bundle.getHeader("Content-Disposition")).isNull();
    assertThat(manifest.statusCode()).isEqualTo(409);
    assertThat(manifest.bodyAsJsonObject().getString("message")).isEqualTo("归档后才能生成归档包（活动当前状态为“投票中”）");
  }

  /**
   * The zip reads its record once, in one snapshot: a change committed between its first read and its read of the
   * tally shows in none of its files. (The change itself is an intruder's: nothing in Pingyi edits an archived
   * event.) Read file by file, the summary tables would have counted the changed tally.
   */
  @Test
  void everyFileIsRenderedFromOneReadOfTheRecord() throws Exception {
    CastBallots event = CastBallots.cast(organizer, clerk, "一次读取", 2, 2, 1);
    String eventId = event.voting.eventId;
    assertThat(organizer.post("/api/events/" + eventId + "/archive", null).statusCode()).isEqualTo(200);
    byte[] summary = clerk.get("/api/events/" + eventId + "/exports/summary.xlsx").body().getBytes();
    DatabaseSettings superuser = TestDatabase.superuser(server.database());

    Map<String, byte[]> files;
    try (Connection intruder = DriverManager.getConnection(superuser.jdbcUrl(), superuser.user(),
        superuser.password())) {
      intruder.setAutoCommit(false);
      // Held until the zip's read waits for it: by then it has read the event and taken its snapshot.
      execute(intruder, "LOCK TABLE tally_counters IN ACCESS EXCLUSIVE MODE");
      CompletableFuture<byte[]> zip = CompletableFuture.supplyAsync(() -> clerk.get(bundle(eventId)).body().getBytes());
      awaitAReadWaitingFor(new Db(superuser), "tally_counters");
      execute(intruder, "UPDATE events SET title = '改过的标题' WHERE id = '" + eventId + "'");
      execute(intruder, "UPDATE tally_counters SET n = n + 100 WHERE event_id = '" + eventId + "'");
      intruder.commit();
      files = unzip(zip.get(60, TimeUnit.SECONDS));
    }

    assertThat(sha256(files.get("summary.xlsx"))).as("summary.xlsx as before the change").isEqualTo(sha256(summary));
    assertThat(new JsonObject(new String(files.get("event.json"), StandardCharsets.UTF_8)).getString("title"))
        .isEqualTo("一次读取");
    assertThat(new String(files.get("README.txt"), StandardCharsets.UTF_8)).contains("活动：一次读取");
    assertThat(sha256(clerk.get("/api/events/" + eventId + "/exports/summary.xlsx").body().getBytes()))
        .as("the change itself shows in the tables read afterwards").isNotEqualTo(sha256(summary));
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static void awaitAReadWaitingFor(Db db, String table) throws InterruptedException {
    String waiting = """
        SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
          AND wait_event_type = 'Lock' AND query LIKE '%%FROM %s%%'""".formatted(table);
    for (int i = 0; i < 300 && db.count(waiting) == 0; i++) Thread.sleep(50);
    assertThat(db.count(waiting)).as("a read of the zip waiting for " + table).isPositive();
  }

  private static String bundle(String eventId) {
    return "/api/events/" + eventId + "/archive/bundle.zip";
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        files.put(entry.getName(), in.readAllBytes());
      }
    }
    return files;
  }

  /** What GNU sha256sum says of the unpacked files: anyone can check the bundle without Pingyi. */
  private static String sha256sumCheck(Path dir, Map<String, byte[]> files) throws Exception {
    for (var file : files.entrySet()) {
      Path target = dir.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, file.getValue());
    }
    Process check = new ProcessBuilder("sha256sum", "-c", "SHA256SUMS").directory(dir.toFile())
        .redirectErrorStream(true).start();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor()).as(output).isZero();
    return output;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
