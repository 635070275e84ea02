package org.pingyi.summary;

import java.time.LocalDate;

/** Dates as Chinese records write them: 2026年12月1日. */
final class Dates {

  private Dates() {
  }

  static String chinese(LocalDate date) {
    return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }
}
