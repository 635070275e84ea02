package org.pingyi.formeditor;

import java.util.ArrayList;
import java.util.List;
import org.pingyi.form.FormProblems;

/**
 * Reads tab-separated lines pasted from Excel or WPS into rows of wanted fields, mapping columns by header
 * text when the first line is a header (it contains 姓名) and by position otherwise.
 */
final class TsvTable {

  static final int MAX_ROWS = 500;
  static final String PATH = "tsv";
  private static final int MAX_REPORTED = 10;

  /** One data line: its line number in the paste (for messages) and one value per wanted field. */
  record Row(int line, List<String> values) {
    String get(int field) {
      return values.get(field);
    }
  }

  private TsvTable() {
  }

  /**
   * @param fields for each wanted field, the header texts that name it; field 0 is the name and required
   * @throws FormProblems at path {@code tsv} when the paste is empty, too long, or a line lacks a name
   */
  static List<Row> read(String tsv, List<List<String>> fields) {
    List<Row> lines = nonBlankLines(tsv == null ? "" : tsv);
    if (lines.isEmpty()) {
      throw FormProblems.of(PATH, "粘贴内容为空");
    }
    int[] columns = positional(fields.size());
    if (lines.get(0).values().stream().anyMatch(cell -> cell.contains("姓名"))) {
      columns = byHeader(lines.get(0).values(), fields);
      lines = lines.subList(1, lines.size());
    }
    if (lines.size() > MAX_ROWS) {
      throw FormProblems.of(PATH, "一次最多导入 " + MAX_ROWS + " 行，粘贴了 " + lines.size() + " 行");
    }
    List<Row> rows = new ArrayList<>();
    for (Row line : lines) {
      rows.add(pick(line, columns));
    }
    check(rows);
    return rows;
  }

  private static List<Row> nonBlankLines(String tsv) {
    String[] lines = tsv.split("\r\n|\r|\n", -1);
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      List<String> cells = new ArrayList<>();
      for (String cell : lines[i].split("\t", -1)) {
        cells.add(clean(cell));
      }
      // Excel copies a row of empty cells as tabs only; such lines are as blank as an empty one.
      if (cells.stream().anyMatch(c -> !c.isEmpty())) {
        out.add(new Row(i + 1, cells));
      }
    }
    return out;
  }

  /** Trims ASCII, full-width (U+3000) and no-break spaces and a BOM, and undoes Excel's quoting of a cell. */
  static String clean(String cell) {
    int start = 0;
    int end = cell.length();
    while (start < end && isSpace(cell.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(cell.charAt(end - 1))) {
      end--;
    }
    String s = cell.substring(start, end);
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      s = clean(s.substring(1, s.length() - 1).replace("\"\"", "\""));
    }
    return s;
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
  }

  private static int[] positional(int count) {
    int[] columns = new int[count];
    for (int i = 0; i < count; i++) {
      columns[i] = i;
    }
    return columns;
  }

  /** The column of each field, or -1 when the header does not name it (the field is then left empty). */
  private static int[] byHeader(List<String> header, List<List<String>> fields) {
    int[] columns = new int[fields.size()];
    for (int f = 0; f < fields.size(); f++) {
      columns[f] = -1;
      for (int c = 0; c < header.size() && columns[f] < 0; c++) {
        if (fields.get(f).contains(header.get(c))) {
          columns[f] = c;
        }
      }
    }
    return columns;
  }

  private static Row pick(Row line, int[] columns) {
    List<String> values = new ArrayList<>();
    for (int column : columns) {
      boolean present = column >= 0 && column < line.values().size();
      values.add(present ? line.values().get(column) : "");
    }
    return new Row(line.line(), values);
  }

  private static void check(List<Row> rows) {
    List<String> problems = new ArrayList<>();
    for (Row row : rows) {
      if (row.get(0).isEmpty()) {
        problems.add("第" + row.line() + "行：缺少姓名");
      } else if (row.values().stream().anyMatch(v -> v.length() > Checks.LABEL_MAX)) {
        problems.add("第" + row.line() + "行：单元格内容超过 " + Checks.LABEL_MAX + " 字");
      }
    }
    if (!problems.isEmpty()) {
      // One message under one key: the HTTP body maps each path to a single message.
      String shown = String.join("；", problems.subList(0, Math.min(MAX_REPORTED, problems.size())));
      int more = problems.size() - MAX_REPORTED;
      throw FormProblems.of(PATH, more > 0 ? shown + "；另有 " + more + " 行有误" : shown);
    }
  }
}
