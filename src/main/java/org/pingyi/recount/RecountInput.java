package org.pingyi.recount;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What a recount reads: an archive bundle (zip), whose files are first checked against its SHA256SUMS and whose
 * frozen forms are checked against the hashes ballots.json gives them; or a ballots.json export on its own.
 *
 * @param ballots the parsed ballots.json: {"event", "forms": [{id, sha256, definition}], "ballots": [...]}
 * @param checks  what was verified, one line each, to print
 */
record RecountInput(JsonObject ballots, List<String> checks) {

  /** Thrown when the input is not what it claims to be: a file missing or altered. */
  static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  static RecountInput read(Path file) throws IOException, Refused {
    if (file.getFileName().toString().toLowerCase().endsWith(".json")) {
      return new RecountInput(new JsonObject(Files.readString(file, StandardCharsets.UTF_8)),
          List.of("单独的 ballots.json：没有清单（SHA256SUMS）可核对，请自行核对其来源"));
    }
    Map<String, byte[]> files = unzip(file);
    List<String> checks = new ArrayList<>();
    checks.add(manifest(files));
    if (!files.containsKey("ballots.json")) throw new Refused("归档包中没有 ballots.json");
    JsonObject ballots = new JsonObject(new String(files.get("ballots.json"), StandardCharsets.UTF_8));
    checks.add(forms(ballots, files));
    return new RecountInput(ballots, checks);
  }

  /** Every file listed in SHA256SUMS is present with that hash, and every file but SHA256SUMS is listed. */
  private static String manifest(Map<String, byte[]> files) throws Refused {
    byte[] sums = files.get("SHA256SUMS");
    if (sums == null) throw new Refused("归档包中没有 SHA256SUMS");
    int listed = 0;
    for (String line : new String(sums, StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank()) continue;
      String hash = line.substring(0, 64);
      String name = line.substring(66);
      byte[] content = files.get(name);
      if (content == null) throw new Refused("SHA256SUMS 列出的文件不在归档包中：" + name);
      if (!sha256(content).equals(hash)) throw new Refused("文件与 SHA256SUMS 不符（已被改动）：" + name);
      listed++;
    }
    if (listed != files.size() - 1) throw new Refused("归档包中有 SHA256SUMS 未列出的文件");
    return "SHA256SUMS：" + listed + " 个文件全部核对一致；清单哈希 " + sha256(sums) + "（应与纸质档案上抄写的一致）";
  }

  /** Each form in ballots.json is the frozen form of the bundle, byte for byte as hashed when voting opened. */
  private static String forms(JsonObject ballots, Map<String, byte[]> files) throws Refused {
    int checked = 0;
    for (Object item : ballots.getJsonArray("forms")) {
      JsonObject form = (JsonObject) item;
      byte[] frozen = files.get("forms/" + form.getString("id") + ".json");
      if (frozen == null || !sha256(frozen).equals(form.getString("sha256"))) {
        throw new Refused("表单 " + form.getString("id") + " 与开始投票时记录的哈希不符");
      }
      if (!new JsonObject(new String(frozen, StandardCharsets.UTF_8)).equals(form.getJsonObject("definition"))) {
        throw new Refused("ballots.json 中的表单 " + form.getString("id") + " 与 forms/ 中冻结的表单不同");
      }
      checked++;
    }
    return "表单：" + checked + " 张，与开始投票时记录的 SHA-256 一致";
  }

  private static Map<String, byte[]> unzip(Path zip) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (InputStream raw = Files.newInputStream(zip);
         ZipInputStream in = new ZipInputStream(raw, StandardCharsets.UTF_8)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (!entry.isDirectory()) files.put(entry.getName(), in.readAllBytes());
      }
    }
    return files;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
