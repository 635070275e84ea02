package org.pingyi.summary;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.pingyi.ballot.BallotForm;
import org.pingyi.event.EventDetails;
import org.pingyi.summary.SummaryTable.Block;
import org.pingyi.summary.SummaryTable.Footer;
import org.pingyi.tally.TallyReport;
import org.pingyi.tally.report.CategoryResults;
import org.pingyi.tally.report.FormResults;
import org.pingyi.tally.report.FormResults.WeightedScore;
import org.pingyi.tally.report.SectionResults;
import org.pingyi.tally.report.Turnout;

/**
 * Builds an event's summary tables, one per ballot form, from its frozen forms and its tally report
 * ({@link TallyReport}): plain Java, no I/O; every number is taken from the report, none computed here.
 */
public final class SummaryTables {

  private SummaryTables() {
  }

  /** @param report a final report (Disclosure.FINAL): its results of every form */
  public static List<SummaryTable> of(EventDetails event, List<BallotForm> forms, TallyReport report) {
    List<SummaryTable> tables = new ArrayList<>();
    Set<String> sheetNames = new HashSet<>();
    for (BallotForm form : forms) {
      FormResults counted = report.form(form.id()).orElseGet(() -> nothingCounted(form));
      tables.add(table(event, form, counted, report.turnout(), sheetNames));
    }
    return tables;
  }

  /** A form the report has no results for: its tables print nothing counted rather than fail. */
  private static FormResults nothingCounted(BallotForm form) {
    return new FormResults(form.id(), form.definition().title(), form.definition().template(),
        form.definition().rules().minGroupSize(), null, List.of(), List.of(), null, List.of());
  }

  static String title(BallotForm form) {
    return switch (form.definition().template()) {
      case "cadre-work" -> "选人用人工作民主评议结果汇总表";
      case "new-cadres" -> "新提拔任用干部民主评议结果汇总表";
      case "recommendation" -> "民主推荐（会议推荐）得票情况汇总表";
      case "assessment" -> "民主测评结果汇总表";
      default -> form.definition().title() + "结果汇总表";
    };
  }

  private static SummaryTable table(EventDetails event, BallotForm form, FormResults counted, Turnout turnout,
                                    Set<String> sheetNames) {
    List<Block> blocks = new ArrayList<>(TurnoutBlocks.of(turnout, counted.quorum()));
    blocks.add(Block.line("一、全体参评人员"));
    blocks.addAll(results(form, counted.sections(), counted.weighted()));
    List<CategoryResults> categories = counted.categories();
    if (counted.weightedWithheld() != null) blocks.add(weightedWithheld(counted, categories));
    if (categories.size() > 1) {
      blocks.add(Block.line("二、分类统计（按票类）"));
      for (CategoryResults category : categories) blocks.addAll(category(form, category, counted));
    }
    Footer footer = new Footer(event.counters(), event.supervisors(), event.responsibleTitle(), event.responsibleName(),
        event.date());
    return new SummaryTable(sheetName(form, sheetNames), title(form), header(event, form), blocks,
        RuleNotes.of(form.definition(), event), footer);
  }

  private static List<Block> results(BallotForm form, List<SectionResults> sections, List<WeightedScore> weighted) {
    if ("assessment".equals(form.definition().template())) return AssessmentBlocks.of(form, sections, weighted);
    return QuestionBlocks.of(form, form.definition().sections(), sections);
  }

  /** Why the 分类考核 result is missing: a small category, whose average it would let a reader solve for. */
  private static Block weightedWithheld(FormResults counted, List<CategoryResults> categories) {
    String small = categories.stream().filter(c -> "small".equals(c.suppressed()) && c.ballots() > 0)
        .map(c -> c.name() + "（" + c.code() + "）").collect(Collectors.joining("、"));
    return Block.line("参评人员类别" + small + "的选票不足 " + counted.minGroupSize()
        + " 张，为保护投票秘密，不计算分类考核加权结果（可在表单设置中调整最少张数）。");
  }

  /** A category's tables, or one line saying why it has none: too few ballots, or another category too few. */
  private static List<Block> category(BallotForm form, CategoryResults category, FormResults counted) {
    String name = category.name() + "（" + category.code() + "），选票 " + category.ballots() + " 张";
    if ("complementary".equals(category.suppressed())) {
      return List.of(Block.line(name + "：为防止由合计推算人数较少类别的结果，本类别不单列。"));
    }
    if (!category.shown()) {
      return List.of(Block.line(name + "：不足 " + counted.minGroupSize() + " 张，按规定不单列。"));
    }
    List<Block> blocks = new ArrayList<>();
    blocks.add(Block.line(name));
    blocks.addAll(results(form, category.sections(), List.of()));
    return blocks;
  }

  private static List<String> header(EventDetails event, BallotForm form) {
    String date = event.date() == null ? "______年____月____日" : Dates.chinese(event.date());
    return List.of(
        "组织单位：" + event.organizingUnit(),
        "活动名称：" + event.title() + "　　票种：" + form.definition().title(),
        "日期：" + date + "　　地点：" + (event.venue() == null ? "" : event.venue()));
  }

  /** Excel allows 31 characters and none of []:*?/\ in a sheet's name, and no two alike. */
  private static String sheetName(BallotForm form, Set<String> taken) {
    String base = switch (form.definition().template()) {
      case "cadre-work" -> "选人用人工作评议";
      case "new-cadres" -> "新提拔任用干部评议";
      case "recommendation" -> "民主推荐";
      case "assessment" -> "民主测评";
      default -> form.definition().title().replaceAll("[\\[\\]:*?/\\\\']", "");
    };
    base = base.isBlank() ? "汇总表" : base.substring(0, Math.min(base.length(), 26));
    String name = base;
    for (int n = 2; !taken.add(name); n++) name = base + "（" + n + "）";
    return name;
  }
}
