package org.pingyi.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.pingyi.db.EmbeddedDatabase;
import org.pingyi.rawexport.CastBallots;
import org.pingyi.support.Api;
import org.pingyi.support.Db;
import org.pingyi.support.Slow;
import org.pingyi.support.TestDatabase;
import org.pingyi.support.TestServer;
import org.pingyi.support.Voting;

/**
 * Issue 16 item 3: a backup taken with the real command while voting is open, some ballots mixed and some still
 * held, restored by the real command into a new data directory: every acknowledged ballot is counted once after
 * the close, an event archived before the backup has the same manifest and bundle, and the restored database is
 * locked down as on a first start.
 */
@Slow
class BackupRestoreTest {
  private static final int CAST = 12;

  /** What the source server acknowledged and showed before the backup, to be found again after the restore. */
  private record Before(String votingEvent, List<String> receipts, Map<String, Long> q1, Map<String, Long> recommended,
      String archivedEvent, JsonObject manifest, byte[] bundle) {
  }

  @Test
  void aBackupTakenMidVoteRestoresEveryAcknowledgedBallotOnceAndLeavesArchivesByteIdentical() throws Exception {
    Path root = Path.of("target", "backup-restore", UUID.randomUUID().toString()).toAbsolutePath();
    Path source = root.resolve("data");
    Path restored = root.resolve("restored");
    Path backup = root.resolve("pingyi.backup");
    Before before;
    try (EmbeddedDatabase db = EmbeddedDatabase.start(source.resolve("pg"))) {
      db.migrate();
      Vertx vertx = Vertx.vertx();
      try (TestServer server = TestServer.startOn(vertx, db.settings(), UnaryOperator.identity())) {
        before = voteAndArchive(server);
        assertThat(PingyiCommand.run(source, "backup", backup.toString()).exit()).isZero();
        var twice = PingyiCommand.run(source, "backup", backup.toString());
        assertThat(twice.exit()).isEqualTo(1);
        assertThat(twice.output()).contains("已存在，不会覆盖");
      } finally {
        vertx.close().await();
      }
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");

    var restore = PingyiCommand.run(restored, "restore", backup.toString());
    assertThat(restore.exit()).as(restore.output()).isZero();
    assertThat(restore.output()).contains("投票箱中尚未混合的选票 7 张");
    var again = PingyiCommand.run(restored, "restore", backup.toString());
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.output()).contains("数据目录 " + restored + " 不是空的（其中有 pg）");

    try (EmbeddedDatabase db = EmbeddedDatabase.start(restored.resolve("pg"))) {
      assertThat(db.migrate()).isZero();
      lockedDownAsOnAFirstStart(db, source, restored);
      Vertx vertx = Vertx.vertx();
      try (TestServer server = TestServer.startOn(vertx, db.settings(), UnaryOperator.identity())) {
        closeAndCheck(server, before);
      } finally {
        vertx.close().await();
      }
    }
    PingyiCommand.deleteTree(root);
  }

  /** One event archived (its manifest stored), another open with 5 ballots mixed and 7 still held. */
  private static Before voteAndArchive(TestServer server) throws Exception {
    Api admin = server.api().asAdmin();
    Api clerk = server.api().asAdmin().newStaff("clerk", "clerk", "clerk-password");
    CastBallots archived = CastBallots.cast(admin, clerk, "备份前已归档", 3, 2, 1);
    String archivedEvent = archived.voting.eventId;
    assertThat(admin.post("/api/events/" + archivedEvent + "/archive", null).statusCode()).isEqualTo(200);
    JsonObject manifest = admin.get("/api/events/" + archivedEvent + "/archive/manifest").bodyAsJsonObject();
    byte[] bundle = admin.get("/api/events/" + archivedEvent + "/archive/bundle.zip").body().getBytes();

    Voting voting = Voting.open(admin, "投票中备份");
    List<String> tokens = voting.slips(admin, "A", CAST);
    List<String> receipts = new ArrayList<>();
    Map<String, Long> q1 = new HashMap<>();
    Map<String, Long> recommended = new HashMap<>();
    Db db = new Db(server.database());
    UUID eventId = UUID.fromString(voting.eventId);
    for (int i = 0; i < CAST; i++) {
      String grade = i % 2 == 0 ? "good" : "poor";
      String candidate = i % 3 == 0 ? "c2" : "c1";
      JsonObject answers = voting.validAnswers();
      answers.getJsonObject(voting.cadreWorkForm).put("q1", grade);
      answers.getJsonObject(voting.recommendationForm).getJsonObject("rec").getJsonObject("p1")
          .put("selected", new JsonArray().add(candidate));
      var cast = server.api().post("/api/v/" + tokens.get(i), Voting.ballot(Voting.newNonce(), answers));
      assertThat(cast.statusCode()).isEqualTo(201);
      receipts.add(cast.bodyAsJsonObject().getString("receipt"));
      q1.merge(grade, 1L, Long::sum);
      recommended.merge(candidate, 1L, Long::sum);
      if (i == 9) awaitMixed(db, eventId, 5);
    }
    assertThat(db.snapshot(List.of("SELECT count(*) FROM ballots WHERE event_id = ?",
        "SELECT count(*) FROM held_ballots WHERE event_id = ?"), eventId))
        .as("mixed, held").containsExactly(List.of("5"), List.of("7"));
    return new Before(voting.eventId, receipts, q1, recommended, archivedEvent, manifest, bundle);
  }

  /** New passwords, no trust, pingyi no superuser and only reading and appending to the audit log. */
  private static void lockedDownAsOnAFirstStart(EmbeddedDatabase db, Path source, Path restored) throws Exception {
    Path passwords = restored.resolve("pg").resolve("pingyi-passwords.properties");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwords))).isEqualTo("rw-------");
    assertThat(Files.readString(passwords)).isNotEqualTo(Files.readString(source.resolve("pg").resolve("pingyi-passwords.properties")));
    assertThat(Files.readString(restored.resolve("pg").resolve("pg_hba.conf"))).doesNotContain("trust");
    Db superuser = new Db(db.superuserSettings());
    assertThat(superuser.strings("""
        SELECT string_agg(c.relname || '=' || pg_get_userbyid(c.relowner), ',')
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND (c.relname = 'audit_log' OR pg_get_userbyid(c.relowner) <> 'pingyi')"""))
        .as("tables not owned by the application role").containsExactly("audit_log=postgres");
    assertThat(superuser.strings("SELECT rolsuper::text FROM pg_roles WHERE rolname = 'pingyi'")).containsExactly("false");
    assertThat(superuser.count("SELECT count(*) FROM audit_log")).isGreaterThan(10);
    assertThatThrownBy(() -> TestDatabase.execute(db.settings(), "DELETE FROM audit_log")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> TestDatabase.execute(db.settings(), "SELECT setval('audit_log_id_seq', 1)"))
        .as("pingyi reads the audit log's sequence for pg_dump, no more").isInstanceOf(IllegalStateException.class);
    TestDatabase.execute(db.settings(), "INSERT INTO audit_log (actor_name, action, object_type) VALUES ('test', 'restored', 'test')");
  }

  private static void closeAndCheck(TestServer server, Before before) {
    Api admin = server.api().asAdmin();
    String event = "/api/events/" + before.votingEvent();
    assertThat(admin.post(event + "/close", null).statusCode()).isEqualTo(200);

    Db db = new Db(server.database());
    UUID eventId = UUID.fromString(before.votingEvent());
    assertThat(db.count("SELECT count(*) FROM held_ballots WHERE event_id = ?", eventId)).isZero();
    assertThat(db.count("SELECT count(*) FROM ballots WHERE event_id = ?", eventId)).isEqualTo(CAST);
    List<Object> published = admin.get(event + "/receipts").bodyAsJsonObject().getJsonArray("receipts").getList();
    assertThat(published).hasSize(CAST).containsExactlyInAnyOrderElementsOf(before.receipts());
    JsonObject tally = admin.get(event + "/tally").bodyAsJsonObject();
    assertThat(tally.getJsonObject("turnout").getLong("returned")).isEqualTo(CAST);
    assertThat(tally.getJsonObject("turnout").getLong("valid")).isEqualTo(CAST);
    assertThat(TallyCounts.options(tally, "q1")).isEqualTo(before.q1());
    assertThat(TallyCounts.candidates(tally)).isEqualTo(before.recommended());

    String archive = "/api/events/" + before.archivedEvent() + "/archive";
    assertThat(admin.get(archive + "/manifest").bodyAsJsonObject()).isEqualTo(before.manifest());
    assertThat(admin.get(archive + "/bundle.zip").body().getBytes()).isEqualTo(before.bundle());
  }

  private static void awaitMixed(Db db, UUID eventId, long wanted) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (db.count("SELECT count(*) FROM ballots WHERE event_id = ?", eventId) != wanted) {
      if (System.nanoTime() > deadline) throw new AssertionError("the mixer did not move " + wanted + " ballots");
      Thread.sleep(50);
    }
  }
}
