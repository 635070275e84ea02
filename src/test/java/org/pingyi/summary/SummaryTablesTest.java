package org.pingyi.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingyi.ballot.BallotForm;
import org.pingyi.formeditor.FormTemplates;
import org.pingyi.formeditor.TsvImport;
import org.pingyi.summary.SummaryTable.Block;
import org.pingyi.summary.SummaryTable.Cell;

/** The summary table model, built from a report of ballots counted by the real rules, against hand-counted figures. */
class SummaryTablesTest {
  private static final BallotForm CADRES = new BallotForm("nc", TsvImport.replaceMatrixRows(
      FormTemplates.create("new-cadres").orElseThrow(), "cadres",
      "姓名\t原任职务\t现任职务\t任职时间\n张三\t科员\t副科长\t2025.03\n李四\t副科长\t科长\t2025.06"));
  private static final BallotForm REC = new BallotForm("rec", TsvImport.replaceCandidates(
      FormTemplates.create("recommendation").orElseThrow(), "rec", "p1", "赵一\t男\t1980.01\t科长\n钱二\t女\t1982.05\t副科长"));
  private static final BallotForm ASSESS = new BallotForm("as", TsvImport.replaceSubjects(
      FormTemplates.create("assessment").orElseThrow(), "刘一\t局长"));

  @Test
  void aCadreRowCarriesTheCountsRatesAndTheFlagOnlyAboveOneThird() {
    Reports reports = new Reports(CADRES);
    // 张三: 认同 2, 基本认同 1, 不认同 2, 不了解 1 of 6 valid: 2/6 is exactly one third, not flagged.
    // 李四: 不认同 3 of 6 = 50.00%: flagged.
    String[][] votes = {{"agree", "disagree"}, {"agree", "disagree"}, {"basic", "disagree"}, {"disagree", "agree"},
        {"disagree", "agree"}, {"unknown", "basic"}};
    for (String[] v : votes) reports.add("B", "phone", cadres(v[0], v[1]));

    SummaryTable table = reports.tables(Reports.event(LocalDate.of(2026, 12, 1))).get(0);
    Block main = blockWithHead(table, "认同率");

    assertThat(table.title()).isEqualTo("新提拔任用干部民主评议结果汇总表");
    assertThat(texts(main.rows().get(0))).containsExactly("张三", "科员", "副科长", "2025.03",
        "2", "33.33%", "1", "16.67%", "2", "33.33%", "1", "16.67%", "50.00%", "33.33%", "");
    // 李四: 认同 2 + 基本认同 1 = 3 of 6 = 50.00% 认同率.
    assertThat(texts(main.rows().get(1))).endsWith("3", "50.00%", "0", "0.00%", "50.00%", "50.00%", "不认同超过三分之一");
    assertThat(main.rows().get(0).get(4)).isEqualTo(new Cell(SummaryTable.Kind.COUNT, null, 2L, null));
    assertThat(main.rows().get(0).get(5).number()).isEqualTo(new BigDecimal("33.33"));
    assertThat(table.notes()).anyMatch(n -> n.contains("不认同票超过有效票的三分之一（1/3）的予以标记，恰好三分之一（1/3）的不标记"));
  }

  @Test
  void moreReturnedThanExpectedIsRemarkedUnderTheTurnout() {
    Reports reports = new Reports(CADRES);
    for (int i = 0; i < 11; i++) reports.add("A", "phone", cadres("agree", "agree"));

    List<String> captions = reports.tables(Reports.event(null)).get(0).blocks().stream().map(Block::caption).toList();

    assertThat(captions).contains("注意：领导班子成员实到 11 人，多于应到人数 10 人，请核实（超出应到人数发放票签的原因见审计日志）。");
    assertThat(captions).noneMatch(c -> c.startsWith("注意：合计"));
  }

  @Test
  void aCategoryBelowTheMinimumGroupSizeGetsOneLineAndNoFigures() {
    Reports reports = new Reports(CADRES);
    for (int i = 0; i < 4; i++) reports.add("A", "phone", cadres("disagree", "disagree"));
    for (int i = 0; i < 5; i++) reports.add("B", "paper", cadres("agree", "agree"));
    for (int i = 0; i < 6; i++) reports.add("C", "phone", cadres("basic", "agree"));

    List<Block> blocks = reports.tables(Reports.event(null)).get(0).blocks();
    List<String> captions = blocks.stream().map(Block::caption).toList();

    int a = captions.indexOf("领导班子成员（A），选票 4 张：不足 5 张，按规定不单列。");
    // A alone would be overall − B − C: B, the smallest other, is left out with it (4 + 5 hidden).
    int b = captions.indexOf("干部职工代表（B），选票 5 张：为防止由合计推算人数较少类别的结果，本类别不单列。");
    int c = captions.indexOf("一般干部（C），选票 6 张");
    assertThat(a).isPositive();
    assertThat(b).isEqualTo(a + 1);
    assertThat(c).isEqualTo(b + 1);
    Block cMain = blocks.subList(c + 1, blocks.size()).stream()
        .filter(block -> block.head().stream().anyMatch(h -> h.text().equals("认同率"))).findFirst().orElseThrow();
    // C: 张三 基本认同 6 of 6.
    assertThat(texts(cMain.rows().get(0))).containsExactly("张三", "科员", "副科长", "2025.03",
        "0", "0.00%", "6", "100.00%", "0", "0.00%", "0", "0.00%", "100.00%", "0.00%", "");
  }

  @Test
  void theOnlyOtherCategoryBesideASmallOneIsNotShownApartEither() {
    Reports reports = new Reports(CADRES);
    for (int i = 0; i < 4; i++) reports.add("A", "phone", cadres("disagree", "disagree"));
    for (int i = 0; i < 40; i++) reports.add("B", "paper", cadres("agree", "agree"));

    SummaryTable table = reports.tables(Reports.event(null)).get(0);
    List<String> captions = table.blocks().stream().map(Block::caption).toList();

    assertThat(captions).contains("领导班子成员（A），选票 4 张：不足 5 张，按规定不单列。",
        "干部职工代表（B），选票 40 张：为防止由合计推算人数较少类别的结果，本类别不单列。",
        "一般干部（C），选票 0 张：不足 5 张，按规定不单列。");
    assertThat(table.blocks().stream().filter(block -> block.head().stream().anyMatch(h -> h.text().equals("认同率"))))
        .hasSize(1);
    assertThat(table.notes()).anyMatch(n -> n.contains("选票最少的其他类别也不单列"));
  }

  @Test
  void exactlyHalfOfThePositionsValidBallotsIsNotAMajority() {
    Reports reports = new Reports(REC);
    for (int i = 0; i < 3; i++) reports.add("B", "phone", recommend(List.of("c1"), List.of()));
    for (int i = 0; i < 3; i++) reports.add("B", "phone", recommend(List.of("c2"), List.of()));

    Block candidates = blockWithHead(reports.tables(Reports.event(null)).get(0), "是否过半数");

    // 6 valid for the position; 赵一 and 钱二 3/6 = 50.00% each, not more than half.
    assertThat(texts(candidates.rows().get(0))).endsWith("3", "50.00%", "");
    assertThat(texts(candidates.rows().get(1))).endsWith("3", "50.00%", "");
  }

  @Test
  void theWeightedResultIsPrintedWhenEveryWeightedCategoryIsShownAndWithheldOtherwise() {
    // A (30) 5 × 好 → 100, B (70) 5 × 较好 → 80: (30 × 100 + 70 × 80) / 100 = 86.00.
    Reports shown = new Reports(ASSESS);
    for (int i = 0; i < 5; i++) shown.add("A", "phone", assess("good"));
    for (int i = 0; i < 5; i++) shown.add("B", "phone", assess("fair"));
    SummaryTable printed = shown.tables(Reports.event(null)).get(0);
    assertThat(texts(blockWithHead(printed, "分类考核加权结果").rows().get(0))).endsWith("90.00", "86.00");

    // A with 2 ballots: overall (2a + 8b) / 10 and 0.3a + 0.7b would give A's average, so no weighted column.
    Reports small = new Reports(ASSESS);
    for (int i = 0; i < 2; i++) small.add("A", "phone", assess("good"));
    for (int i = 0; i < 8; i++) small.add("B", "phone", assess("fair"));
    SummaryTable withheld = small.tables(Reports.event(null)).get(0);
    assertThat(withheld.blocks()).noneMatch(b -> b.head().stream().anyMatch(h -> h.text().equals("分类考核加权结果")));
    assertThat(withheld.blocks().stream().map(Block::caption)).contains(
        "参评人员类别领导班子成员（A）的选票不足 5 张，为保护投票秘密，不计算分类考核加权结果（可在表单设置中调整最少张数）。");
    assertThat(texts(blockWithHead(withheld, "个人得分").rows().get(0))).last().isEqualTo("84.00");
  }

  @Test
  void theFooterNamesEverySignatoryWithALineToSignAndTheDate() {
    SummaryTable dated = new Reports(CADRES).tables(Reports.event(LocalDate.of(2026, 12, 1))).get(0);
    SummaryTable undated = new Reports(CADRES).tables(Reports.event(null)).get(0);

    assertThat(dated.footer().lines()).containsExactly(
        "计票人：赵计票 （签字）____________　李计票 （签字）____________",
        "监票人：钱监票 （签字）____________",
        "主持人：孙书记 （签字）____________",
        "监票人意见：________________________________________________",
        "填表日期：2026年12月1日");
    assertThat(undated.footer().lines()).last().isEqualTo("填表日期：______年____月____日");
    assertThat(dated.header()).contains("日期：2026年12月1日　　地点：县委大礼堂");
  }

  @Test
  void candidatesComeInOrderOfVotesAndWriteInsAfterThem() {
    Reports reports = new Reports(REC);
    for (int i = 0; i < 3; i++) reports.add("B", "phone", recommend(List.of("c2"), List.of()));
    reports.add("B", "phone", recommend(List.of(), List.of("周四")));
    reports.add("B", "phone", recommend(List.of("c1"), List.of()));
    reports.add("B", "paper", recommend(List.of("c1"), List.of("周四")));   // two marks, one seat: this part void

    SummaryTable table = reports.tables(Reports.event(null)).get(0);
    Block candidates = blockWithHead(table, "是否过半数");

    // Valid for the position: 6 returned − 1 void part = 5. 钱二 3/5 = 60.00% > 1/2; 赵一 and 周四 1/5 = 20.00%.
    assertThat(texts(candidates.rows().get(0))).containsExactly("1", "钱二", "女", "1982.05", "副科长", "3", "60.00%", "过半数");
    assertThat(texts(candidates.rows().get(1))).containsExactly("2", "赵一", "男", "1980.01", "科长", "1", "20.00%", "");
    assertThat(texts(candidates.rows().get(2))).containsExactly("3", "周四（另行推荐）", "", "", "", "1", "20.00%", "");
    assertThat(texts(blockWithHead(table, "超过职数无效").rows().get(0)))
        .containsExactly("（请填写推荐职位）", "1", "5", "1", "0", "60.00%");
  }

  static Map<String, Object> assess(String option) {
    Map<String, Object> rows = new java.util.LinkedHashMap<>();
    for (String id : List.of("de", "neng", "qin", "ji", "lian")) rows.put(id, Map.of("option", option));
    return Map.of("as", Map.of("p1-rows", rows, "p1-overall", "competent"));
  }

  static Map<String, Object> cadres(String first, String second) {
    return Map.of("nc", Map.of("cadres", Map.of(
        "r1", Map.of("option", first, "extra", Map.of("canvass", "no")),
        "r2", Map.of("option", second, "extra", Map.of("canvass", "no")))));
  }

  static Map<String, Object> recommend(List<String> selected, List<String> writeIns) {
    return Map.of("rec", Map.of("rec", Map.of("p1", Map.of("selected", selected, "writeIns", writeIns))));
  }

  static Block blockWithHead(SummaryTable table, String heading) {
    return table.blocks().stream().filter(b -> b.head().stream().anyMatch(h -> h.text().equals(heading)))
        .findFirst().orElseThrow();
  }

  static List<String> texts(List<Cell> row) {
    return row.stream().map(Cell::display).toList();
  }
}
