package org.pingyi.formeditor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingyi.form.Candidate;
import org.pingyi.form.FieldError;
import org.pingyi.form.FormDefinition;
import org.pingyi.form.FormJson;
import org.pingyi.form.FormProblems;
import org.pingyi.form.MatrixQuestion;
import org.pingyi.form.MatrixRow;
import org.pingyi.form.Question;
import org.pingyi.form.RecommendationQuestion;
import org.pingyi.form.Section;
import org.pingyi.form.TextQuestion;

class TsvImportTest {

  private final FormDefinition newCadres = FormTemplates.create("new-cadres").orElseThrow();
  private final FormDefinition recommendation = FormTemplates.create("recommendation").orElseThrow();
  private final FormDefinition assessment = FormTemplates.create("assessment").orElseThrow();

  @Test
  void rowsWithoutAHeaderArePositionalAndNumberedR1ToRn() {
    String tsv = "张三\t某科科长\t副局长\t2025.03\n李四\t某股股长\t某科副科长\t2025.06\n";

    List<MatrixRow> rows = rowsOf(TsvImport.replaceMatrixRows(newCadres, "cadres", tsv));

    assertThat(rows).extracting(MatrixRow::id, MatrixRow::label).containsExactly(tuple("r1", "张三"), tuple("r2", "李四"));
    assertThat(rows.get(0).attributes()).containsExactly(Map.entry("formerPost", "某科科长"),
        Map.entry("currentPost", "副局长"), Map.entry("appointedOn", "2025.03"));
  }

  @Test
  void aHeaderRowMapsColumnsByTheirTextInAnyOrder() {
    String tsv = "序号\t现任职务\t姓名\t任职时间\t原任职务\n1\t副局长\t张三\t2025.03\t某科科长\n";

    List<MatrixRow> rows = rowsOf(TsvImport.replaceMatrixRows(newCadres, "cadres", tsv));

    assertThat(rows).singleElement().satisfies(r -> {
      assertThat(r.label()).isEqualTo("张三");
      assertThat(r.attributes()).containsEntry("currentPost", "副局长").containsEntry("formerPost", "某科科长")
          .containsEntry("appointedOn", "2025.03");
    });
  }

  @Test
  void crlfTrailingBlankLinesAndFullWidthSpacesAreTolerated() {
    String tsv = "\u3000张三 \t 某科科长\u3000\t副局长\t2025.03\r\n\r\n\t\t\t\r\n李四\t\t\t\r\n\r\n";

    List<MatrixRow> rows = rowsOf(TsvImport.replaceMatrixRows(newCadres, "cadres", tsv));

    assertThat(rows).extracting(MatrixRow::label).containsExactly("张三", "李四");
    assertThat(rows.get(0).attributes()).containsEntry("formerPost", "某科科长");
    assertThat(rows.get(1).attributes()).containsEntry("formerPost", "");
  }

  @Test
  void aLineWithoutANameIsReportedByItsLineNumber() {
    String tsv = "姓名\t原任职务\n张三\t科长\n\t科员\n";

    assertThat(problem(() -> TsvImport.replaceMatrixRows(newCadres, "cadres", tsv)))
        .isEqualTo(new FieldError("tsv", "第3行：缺少姓名"));
  }

  @Test
  void moreThan500LinesAreRefused() {
    String tsv = "张三\t科长\n".repeat(501);

    assertThat(problem(() -> TsvImport.replaceMatrixRows(newCadres, "cadres", tsv)))
        .isEqualTo(new FieldError("tsv", "一次最多导入 500 行，粘贴了 501 行"));
    assertThat(rowsOf(TsvImport.replaceMatrixRows(newCadres, "cadres", "张三\n".repeat(500)))).hasSize(500);
  }

  @Test
  void anEmptyPasteAndAnUnknownQuestionAreFieldErrors() {
    assertThat(problem(() -> TsvImport.replaceMatrixRows(newCadres, "cadres", " \r\n\n")))
        .isEqualTo(new FieldError("tsv", "粘贴内容为空"));
    assertThat(problem(() -> TsvImport.replaceMatrixRows(newCadres, "nope", "张三")).path()).isEqualTo("questionId");
    assertThat(problem(() -> TsvImport.replaceMatrixRows(recommendation, "rec", "张三")).path())
        .isEqualTo("questionId");
  }

  @Test
  void importedRowsLetTheNewCadresFormBeFrozen() {
    FormDefinition filled = TsvImport.replaceMatrixRows(newCadres, "cadres", "张三\t科长\t副局长\t2025.03");

    assertThat(FormValidator.validateForFreeze(filled)).isEmpty();
    assertThat(FormJson.parse(FormJson.toJson(filled))).isEqualTo(filled);
  }

  @Test
  void candidatesAreReadAsNameGenderBirthAndPostWithIdsC1ToCn() {
    String tsv = "姓名\t性别\t出生年月\t现任职务\n李四\t男\t1980.05\t某科科长\n王五\t女\t1983.11\t某股股长\n";

    FormDefinition filled = TsvImport.replaceCandidates(recommendation, "rec", "p1", tsv);

    RecommendationQuestion rec = (RecommendationQuestion) filled.questions().toList().get(0);
    assertThat(rec.positions().get(0).candidates()).containsExactly(
        new Candidate("c1", "李四", "男", "1980.05", "某科科长"),
        new Candidate("c2", "王五", "女", "1983.11", "某股股长"));
    assertThat(FormValidator.validateForFreeze(filled)).isEmpty();
  }

  @Test
  void anUnknownPositionIsAFieldError() {
    assertThat(problem(() -> TsvImport.replaceCandidates(recommendation, "rec", "p9", "李四")))
        .isEqualTo(new FieldError("positionId", "没有这个推荐职位：p9"));
  }

  @Test
  void replaceSubjectsMakesOneSectionPerPersonWithUniqueQuestionIds() {
    FormDefinition filled = TsvImport.replaceSubjects(assessment, "姓名\t职务\n张三\t副局长\n李四\t主任科员\n");

    assertThat(filled.sections()).extracting(Section::id, s -> s.subject().name(), s -> s.subject().post())
        .containsExactly(tuple("p1", "张三", "副局长"), tuple("p2", "李四", "主任科员"));
    assertThat(filled.questions().map(Question::id))
        .containsExactly("p1-rows", "p1-overall", "p2-rows", "p2-overall");
    assertThat(FormValidator.validateForFreeze(filled)).isEmpty();
  }

  @Test
  void replaceSubjectsKeepsThePrototypeStructureAndOrdinarySections() {
    Section intro = new Section("intro", "总体情况", null, List.of(new TextQuestion("note", "意见", false, 500)));
    List<Section> sections = List.of(intro, assessment.sections().get(0));
    FormDefinition form = assessment.withSections(sections);

    FormDefinition filled = TsvImport.replaceSubjects(TsvImport.replaceSubjects(form, "甲\t科长\n乙\t科长\n丙\t科长"),
        "丁\t处长");

    assertThat(filled.sections()).extracting(Section::id).containsExactly("intro", "p1");
    MatrixQuestion rows = (MatrixQuestion) filled.sections().get(1).questions().get(0);
    MatrixQuestion prototypeRows = (MatrixQuestion) assessment.sections().get(0).questions().get(0);
    assertThat(rows.withId(prototypeRows.id())).isEqualTo(prototypeRows);
    assertThat(FormValidator.validateDraft(filled)).isEmpty();
  }

  @Test
  void replaceSubjectsNeedsAPersonSection() {
    assertThat(problem(() -> TsvImport.replaceSubjects(newCadres, "张三\t科长")).path()).isEqualTo("sections");
  }

  private static List<MatrixRow> rowsOf(FormDefinition form) {
    return ((MatrixQuestion) form.questions().toList().get(0)).rows();
  }

  private static FieldError problem(Runnable call) {
    FormProblems problems = catchThrowableOfType(FormProblems.class, call::run);
    assertThat(problems).as("a FormProblems is expected").isNotNull();
    assertThat(problems.errors()).hasSize(1);
    return problems.errors().get(0);
  }
}
