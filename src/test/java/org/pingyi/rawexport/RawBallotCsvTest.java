package org.pingyi.rawexport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CSV fields: RFC 4180 quoting, and nothing a spreadsheet could run as a formula. */
class RawBallotCsvTest {

  @Test
  void fieldsWithCommasQuotesOrLineBreaksAreQuotedWithQuotesDoubled() {
    assertThat(RawBallotCsv.cell("平常")).isEqualTo("平常");
    assertThat(RawBallotCsv.cell("甲,乙")).isEqualTo("\"甲,乙\"");
    assertThat(RawBallotCsv.cell("他说\"好\"")).isEqualTo("\"他说\"\"好\"\"\"");
    assertThat(RawBallotCsv.cell("一\n二")).isEqualTo("\"一\n二\"");
  }

  @Test
  void aFieldStartingLikeAFormulaOrWithAnApostropheGetsALeadingApostrophe() {
    assertThat(RawBallotCsv.cell("=1+1")).isEqualTo("'=1+1");
    assertThat(RawBallotCsv.cell("+86")).isEqualTo("'+86");
    assertThat(RawBallotCsv.cell("-2")).isEqualTo("'-2");
    assertThat(RawBallotCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(RawBallotCsv.cell("\tx")).isEqualTo("'\tx");
    assertThat(RawBallotCsv.cell("'引")).isEqualTo("''引");
    assertThat(RawBallotCsv.cell("=HYPERLINK(\"a\",\"b\")")).isEqualTo("\"'=HYPERLINK(\"\"a\"\",\"\"b\"\")\"");
    assertThat(RawBallotCsv.cell("1=1")).isEqualTo("1=1");
  }
}
