package org.pingyi.summary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One official summary table (汇总表) of one ballot form as plain data: title, header lines, blocks of typed cells,
 * the rules applied and the signature footer. The xlsx and the PDF lay out exactly this, number for number.
 */
public record SummaryTable(String sheetName, String title, List<String> header, List<Block> blocks,
                           List<String> notes, Footer footer) {

  /** Tables wider than this print across the page (landscape). */
  static final int PORTRAIT_COLUMNS = 9;

  public SummaryTable {
    header = List.copyOf(header);
    blocks = List.copyOf(blocks);
    notes = List.copyOf(notes);
  }

  public int columns() {
    return blocks.stream().mapToInt(Block::columns).max().orElse(1);
  }

  public boolean landscape() {
    return columns() > PORTRAIT_COLUMNS;
  }

  /** A table under a caption; a block without columns is a caption line alone. */
  public record Block(String caption, int columns, List<Head> head, List<List<Cell>> rows) {

    public Block {
      head = List.copyOf(head);
      rows = rows.stream().map(List::copyOf).toList();
    }

    static Block line(String caption) {
      return new Block(caption, 0, List.of(), List.of());
    }

    public int headRows() {
      return head.stream().mapToInt(h -> h.row() + h.rowSpan()).max().orElse(0);
    }
  }

  /** A column heading at its row and column within the block's heading rows, spanning cells to its right and below. */
  public record Head(String text, int row, int col, int rowSpan, int colSpan) {
  }

  /** What a body cell holds, so each renderer can write counts and rates as numbers, not text. */
  public enum Kind { TEXT, COUNT, RATE, SCORE, FLAG }

  /**
   * A body cell: text, a count, a rate (a percentage with two decimals, as the tally gives it), a score (points,
   * two decimals) or a flag (its text when raised, empty when not). A rate or score is null when there was
   * nothing to divide by.
   */
  public record Cell(Kind kind, String text, Long count, BigDecimal number) {

    static Cell text(String text) {
      return new Cell(Kind.TEXT, text == null ? "" : text, null, null);
    }

    static Cell count(long count) {
      return new Cell(Kind.COUNT, null, count, null);
    }

    static Cell rate(BigDecimal rate) {
      return new Cell(Kind.RATE, null, null, rate);
    }

    static Cell score(BigDecimal score) {
      return new Cell(Kind.SCORE, null, null, score);
    }

    static Cell flag(boolean raised, String label) {
      return new Cell(Kind.FLAG, raised ? label : "", null, null);
    }

    /** The cell as printed: counts as integers, rates as "33.33%", scores as "86.00", a missing number as "—". */
    public String display() {
      return switch (kind) {
        case COUNT -> String.valueOf(count);
        case RATE -> number == null ? "—" : number.toPlainString() + "%";
        case SCORE -> number == null ? "—" : number.toPlainString();
        default -> text;
      };
    }
  }

  /** 计票人, 监票人 and the responsible person, each name with a line to sign beside it, and the date. */
  public record Footer(List<String> counters, List<String> supervisors, String responsibleTitle,
                       String responsibleName, LocalDate date) {
    static final String SIGN = "（签字）____________";
    /** Where the organizing unit's seal goes, beside the signatures. */
    static final String SEAL = "（盖章）";

    public Footer {
      counters = List.copyOf(counters);
      supervisors = List.copyOf(supervisors);
    }

    /** The footer as printed, one line per role, then the supervisors' opinion and the date. */
    public List<String> lines() {
      List<String> lines = new ArrayList<>();
      lines.add(role("计票人", counters));
      lines.add(role("监票人", supervisors));
      String title = responsibleTitle == null || responsibleTitle.isBlank() ? "负责人" : responsibleTitle;
      lines.add(role(title, responsibleName == null || responsibleName.isBlank() ? List.of() : List.of(responsibleName)));
      lines.add("监票人意见：________________________________________________");
      lines.add("填表日期：" + (date == null ? "______年____月____日" : Dates.chinese(date)));
      return lines;
    }

    private static String role(String title, List<String> names) {
      if (names.isEmpty()) return title + "：____________" + SIGN;
      return title + "：" + String.join("　", names.stream().map(n -> n + " " + SIGN).toList());
    }
  }
}
