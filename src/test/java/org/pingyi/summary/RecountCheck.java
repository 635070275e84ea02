package org.pingyi.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pingyi.recount.Recount;

/** The standalone recount of an archive bundle, and its lines compared with the bundle's own summary.xlsx. */
public final class RecountCheck {
  static final String RESULTS = "一、全体参评人员";
  static final String BY_CATEGORY = "二、分类统计（按票类）";

  private RecountCheck() {
  }

  /** The recount's results lines equal the summary sheet's rows, and its turnout the sheet's turnout columns. */
  public static void assertMatchesSummary(Path bundle, String printed) throws Exception {
    Sheet sheet = summary(bundle).getSheetAt(0);
    List<List<String>> recounted = recountedResults(printed);
    List<List<String>> summary = sheetResults(sheet, recounted.stream().anyMatch(r -> r.equals(List.of(BY_CATEGORY))));

    assertThat(recounted).hasSizeGreaterThan(3).isEqualTo(summary);
    for (List<String> line : recountedTurnout(printed)) {
      List<String> row = rowStarting(sheet, line.get(0));
      // The sheet: 票类, 应到, 实到, 发出, 收回, 手机, 纸质, 有效, 无效; the recount has all but 实到 (= 收回) and 发出.
      assertThat(line).as(line.get(0)).isEqualTo(List.of(row.get(0), row.get(1), row.get(4), row.get(5), row.get(6),
          row.get(7), row.get(8)));
    }
  }

  /** From the summary's first results caption to its notes (or to the categories, when the recount has none). */
  private static List<List<String>> sheetResults(Sheet sheet, boolean withCategories) {
    List<List<String>> rows = new ArrayList<>();
    boolean in = false;
    for (Row row : sheet) {
      List<String> cells = nonEmpty(Sheets.texts(row));
      if (cells.isEmpty()) continue;
      if (cells.get(0).equals(RESULTS)) in = true;
      if (cells.get(0).equals("注：") || !withCategories && cells.get(0).equals(BY_CATEGORY)) break;
      // Why a weighted result is withheld names the small category, which ballots.json does not: said otherwise.
      if (in && !cells.get(0).startsWith("参评人员类别")) rows.add(cells);
    }
    return rows;
  }

  private static List<List<String>> recountedResults(String printed) {
    List<List<String>> rows = new ArrayList<>();
    boolean in = false;
    for (String line : printed.split("\n")) {
      if (line.equals(RESULTS)) in = true;
      if (in && line.startsWith("分类考核加权结果：")) continue;
      List<String> cells = nonEmpty(List.of(line.split(" \\| ", -1)));
      if (in && !cells.isEmpty()) rows.add(cells);
    }
    return rows;
  }

  /** The named categories' and the total's turnout lines (the merged group has no row on the sheet). */
  private static List<List<String>> recountedTurnout(String printed) {
    List<List<String>> rows = new ArrayList<>();
    boolean in = false;
    for (String line : printed.split("\n")) {
      if (line.startsWith("票类 | ")) {
        in = true;
        continue;
      }
      if (line.equals(RESULTS)) break;
      if (in && !line.startsWith("其他")) rows.add(List.of(line.split(" \\| ", -1)));
    }
    assertThat(rows).isNotEmpty().last().satisfies(total -> assertThat(total.get(0)).isEqualTo("合计"));
    return rows;
  }

  private static List<String> rowStarting(Sheet sheet, String first) {
    for (Row row : sheet) {
      List<String> texts = Sheets.texts(row);
      if (!texts.isEmpty() && texts.get(0).equals(first)) return texts;
    }
    throw new AssertionError("no row " + first);
  }

  private static List<String> nonEmpty(List<String> cells) {
    return cells.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
  }

  /** What {@code java -jar pingyi.jar recount <bundle>} prints, run in this JVM; fails on a non-zero exit. */
  public static String recount(Path bundle) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Recount.run(new String[] {"recount", bundle.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  private static XSSFWorkbook summary(Path bundle) throws Exception {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(bundle), StandardCharsets.UTF_8)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().equals("summary.xlsx")) return new XSSFWorkbook(new ByteArrayInputStream(in.readAllBytes()));
      }
    }
    throw new AssertionError("no summary.xlsx in " + bundle);
  }

}
