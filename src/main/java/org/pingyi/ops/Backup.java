package org.pingyi.ops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.pingyi.config.AppConfig;
import org.pingyi.db.DatabaseSettings;
import org.pingyi.db.EmbeddedDatabase;
import org.pingyi.db.RunningEmbedded;

/**
 * The operator's backup and restore commands, {@code java -jar pingyi.jar backup <file>} and {@code restore <file>}:
 * a pg_dump in the custom format of the embedded or the external database, taken while the server runs if need be.
 * A backup holds what the database holds, held ballots included (see deploy/README.md on what that reveals).
 */
public final class Backup {
  private Backup() {
  }

  public static boolean handles(String[] args) {
    return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
  }

  /** Runs the command and returns the process's exit code: 0 done, 1 failed (said why), 2 misused. */
  public static int run(String[] args, AppConfig config) {
    if (args.length != 2 || args[1].isBlank()) {
      System.err.println("用法：java -jar pingyi.jar backup <备份文件>   或   java -jar pingyi.jar restore <备份文件>");
      return 2;
    }
    Path file = Path.of(args[1]).toAbsolutePath().normalize();
    try {
      if (args[0].equals("backup")) backup(config, file);
      else Restore.run(config, file);
      return 0;
    } catch (CommandFailure e) {
      System.err.println(e.getMessage());
      return 1;
    }
  }

  private static void backup(AppConfig config, Path file) {
    if (Files.exists(file)) throw new CommandFailure("备份文件 " + file + " 已存在，不会覆盖：请换一个文件名");
    if (!Files.isDirectory(file.getParent())) throw new CommandFailure("目录 " + file.getParent() + " 不存在");
    Path pgDump = PgTools.find("pg_dump");
    if (config.externalDatabase()) {
      DatabaseSettings database = config.externalDatabaseSettings();
      System.out.println("正在备份 " + database.describe() + " …");
      dump(pgDump, database, file);
    } else {
      dumpEmbedded(pgDump, config.dataDir().resolve("pg"), file);
    }
    if (!PgTools.readable(PgTools.find("pg_restore"), file)) {
      throw new CommandFailure("备份文件 " + file + " 写出后无法读回，请检查磁盘后重新备份");
    }
    System.out.println("备份完成：" + file + "（" + size(file) + " 字节，SHA-256 " + sha256(file) + "）");
    System.out.println("备份与数据库同样敏感（含投票箱中尚未混合的选票、账户密码哈希和登录令牌密钥），请加密保管，见 deploy/README.md。");
  }

  /** The running server's database if it runs (a backup mid-vote), else the embedded PostgreSQL started for this. */
  private static void dumpEmbedded(Path pgDump, Path pg, Path file) {
    if (!RunningEmbedded.exists(pg)) {
      throw new CommandFailure("在 " + pg + " 没有找到内置数据库：请用 PINGYI_DATA_DIR 指向评议的数据目录（使用自己的 PostgreSQL 时设置 DATABASE_URL）");
    }
    Optional<DatabaseSettings> running;
    try {
      running = RunningEmbedded.superuser(pg);
    } catch (IOException e) {
      throw new CommandFailure("无法连接运行中的内置数据库：" + e.getMessage(), e);
    }
    if (running.isPresent()) {
      System.out.println("正在备份运行中的内置数据库（" + pg + "，端口 " + running.get().port() + "）…");
      dump(pgDump, running.get(), file);
      return;
    }
    System.out.println("服务器没有运行：临时启动内置数据库（" + pg + "）进行备份 …");
    try (EmbeddedDatabase database = EmbeddedDatabase.start(pg)) {
      dump(pgDump, database.superuserSettings(), file);
    }
  }

  /**
   * pg_dump writes into a file created 0600 beforehand (it keeps an existing file's mode), renamed into place only
   * when complete: a backup is never readable by others, and a failed one never looks like a backup.
   */
  private static void dump(Path pgDump, DatabaseSettings database, Path file) {
    Path partial = null;
    try {
      // A name of its own, so two backups started together never share (or delete) each other's partial file.
      partial = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".partial",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      int exit = PgTools.run(pgDump, database,
          List.of("--format=custom", "--file=" + partial, "--dbname=" + database.database()));
      if (exit != 0) throw new CommandFailure("pg_dump 失败（退出码 " + exit + "），没有写出备份；原因见上面 pg_dump 的输出");
      publish(partial, file);
    } catch (IOException e) {
      throw new CommandFailure("无法写出备份文件 " + file + "：" + e.getMessage(), e);
    } finally {
      try {
        if (partial != null) Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // nothing more to do: the message above already says the backup failed
      }
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new CommandFailure("无法读取 " + file + "：" + e.getMessage(), e);
    }
  }

  /** For the operator's records: a copy moved to another disk can be checked against it (sha256sum). */
  static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) digest.update(buffer, 0, n);
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new CommandFailure("无法读取 " + file + "：" + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Gives the finished backup its name without ever replacing a file of that name: a hard link fails if the name was
   * taken meanwhile (say by a second backup started at the same moment), where a rename would silently replace it.
   */
  private static void publish(Path partial, Path file) throws IOException {
    try {
      Files.createLink(file, partial);
    } catch (FileAlreadyExistsException e) {
      throw new CommandFailure("备份文件 " + file + " 已存在，不会覆盖：请换一个文件名");
    } catch (UnsupportedOperationException | FileSystemException e) {
      Files.move(partial, file);   // no REPLACE_EXISTING: fails rather than replace, where links are not supported
    }
  }
}
