package org.pingyi.probation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingyi.http.AppError;
import org.pingyi.support.Fixtures;

/** The register pasted from Excel or WPS: dates as people type them, 试用期 defaulting to a year, every bad line named. */
class RegisterPasteTest {

  @Test
  void aSheetWithAHeaderIsReadByColumnNameWithTheYearAsDefault() {
    List<Appointment> read = RegisterPaste.read(Fixtures.PROBATION_REGISTER);

    assertThat(read).containsExactly(
        new Appointment("张三", "办公室副主任", "办公室主任", "县委办公室", LocalDate.of(2025, 3, 1), 12),
        new Appointment("李四", "科员", "副科长", "县财政局", LocalDate.of(2025, 6, 15), 12),
        new Appointment("王五", "副科长", "科长", "县教育局", LocalDate.of(2025, 9, 1), 6));
  }

  @Test
  void withoutAHeaderTheColumnsAreTakenInTheRegistersOrder() {
    List<Appointment> read = RegisterPaste.read("赵六\t副镇长\t镇长\t20250110\n孙七\t科员\t副科长\t2025.1.5\t两年\t县委组织部");

    assertThat(read).extracting(Appointment::appointedOn, Appointment::months, Appointment::unit).containsExactly(
        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 1, 10), 12, ""),
        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 1, 5), 24, "县委组织部"));
  }

  @Test
  void aDateWithoutItsDayOrAnImpossibleOneAndAnOddProbationAreRefusedLineByLine() {
    String tsv = "姓名\t任职时间\t试用期\n张三\t2025.03\t\n李四\t2025-02-30\t12\n王五\t2025-03-01\t七十二个月";

    assertThatThrownBy(() -> RegisterPaste.read(tsv)).isInstanceOfSatisfying(AppError.class, e -> {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.fields().get("tsv")).contains("第2行：任职时间“2025.03”不是日期，请写到日", "第3行：任职时间“2025-02-30”",
          "第4行：试用期“七十二个月”");
    });
  }

  @Test
  void aLineWithoutANameIsRefusedAsTheCadreListsRefuseIt() {
    assertThatThrownBy(() -> RegisterPaste.read("姓名\t任职时间\n\t2025-03-01")).isInstanceOfSatisfying(AppError.class,
        e -> assertThat(e.fields()).containsEntry("tsv", "第2行：缺少姓名"));
  }
}
