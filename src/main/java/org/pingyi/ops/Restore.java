package org.pingyi.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.pingyi.config.AppConfig;
import org.pingyi.db.DatabaseSettings;
import org.pingyi.db.EmbeddedDatabase;

/**
 * Restores a backup into an empty data directory. A new embedded PostgreSQL is started there exactly as on a first
 * start (new random passwords, the unprivileged role pingyi, passwords on every connection); the backup is loaded
 * as the superuser without its owners and grants, and the migration step that upgrades an older data directory then
 * hands every table to pingyi but the audit log, which stays the superuser's, append-only for pingyi.
 */
final class Restore {
  /** zonky's unpacked program files, not data: a restore that failed and was cleaned up leaves them behind. */
  private static final String BINARIES = "pg-binaries";

  private static final String SUMMARY = """
      SELECT (SELECT count(*) FROM events) || ' 个活动，已混合的选票 ' || (SELECT count(*) FROM ballots)
             || ' 张，投票箱中尚未混合的选票 ' || (SELECT count(*) FROM held_ballots) || ' 张'""";

  private Restore() {
  }

  static void run(AppConfig config, Path file) {
    if (config.externalDatabase()) {
      throw new CommandFailure("restore 只恢复到内置数据库的空数据目录；恢复到自己的 PostgreSQL 请用 pg_restore，步骤见 deploy/README.md");
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) throw new CommandFailure("读不到备份文件 " + file);
    Path pgRestore = PgTools.find("pg_restore");
    if (!PgTools.readable(pgRestore, file)) {
      throw new CommandFailure(file + " 不是完整的备份文件（pg_restore 读不出它的目录），没有恢复任何数据");
    }
    Path dataDir = config.dataDir();
    requireEmpty(dataDir);
    Path pg = dataDir.resolve("pg");
    System.out.println("正在把 " + file + " 恢复到新的数据目录 " + dataDir + " …");
    try (EmbeddedDatabase database = EmbeddedDatabase.start(pg)) {
      load(pgRestore, database.superuserSettings(), file);
      int applied = database.migrate();
      System.out.println("恢复完成：" + summary(database.superuserSettings()) + "；新应用的数据库迁移 " + applied + " 个。");
      System.out.println("现在用同一个 PINGYI_DATA_DIR 启动服务器即可；账户和密码与备份时相同，数据库密码已重新生成。");
    } catch (RuntimeException e) {
      deleteTree(pg);
      throw e instanceof CommandFailure ? e : new CommandFailure("恢复失败，已删除不完整的 " + pg + "：" + e.getMessage(), e);
    }
  }

  /** One transaction, stopping at the first error: a restore either loads the whole backup or nothing. */
  private static void load(Path pgRestore, DatabaseSettings superuser, Path file) {
    int exit = PgTools.run(pgRestore, superuser, List.of("--no-owner", "--no-acl", "--single-transaction",
        "--exit-on-error", "--dbname=" + superuser.database(), file.toString()));
    if (exit != 0) {
      throw new CommandFailure("pg_restore 失败（退出码 " + exit + "），没有恢复任何数据；原因见上面 pg_restore 的输出");
    }
  }

  /** Restoring over data could mix two databases or destroy the only copy: only a new, empty directory will do. */
  private static void requireEmpty(Path dataDir) {
    if (!Files.exists(dataDir)) return;
    if (!Files.isDirectory(dataDir)) throw new CommandFailure("数据目录 " + dataDir + " 不是目录");
    try (Stream<Path> entries = Files.list(dataDir)) {
      List<String> found = entries.map(p -> p.getFileName().toString()).filter(n -> !n.equals(BINARIES)).sorted().toList();
      if (!found.isEmpty()) {
        throw new CommandFailure("数据目录 " + dataDir + " 不是空的（其中有 " + String.join("、", found) + "）。"
            + "恢复只写入空的数据目录，以免覆盖或混入现有数据：请把 PINGYI_DATA_DIR 指向一个新的空目录，或先把现有目录移走。");
      }
    } catch (IOException e) {
      throw new CommandFailure("无法读取数据目录 " + dataDir + "：" + e.getMessage(), e);
    }
  }

  private static String summary(DatabaseSettings superuser) {
    try (var connection = DriverManager.getConnection(superuser.jdbcUrl(), superuser.user(), superuser.password());
         var rows = connection.createStatement().executeQuery(SUMMARY)) {
      rows.next();
      return rows.getString(1);
    } catch (SQLException e) {
      throw new CommandFailure("恢复后无法读取数据库：" + e.getMessage(), e);
    }
  }

  /** Only ever the pg directory this command created in a directory it found empty. */
  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) return;
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      System.err.println("未能删除不完整的 " + dir + "，请手动删除：" + e.getMessage());
    }
  }
}
