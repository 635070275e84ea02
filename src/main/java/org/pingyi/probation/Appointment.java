package org.pingyi.probation;

import java.time.LocalDate;

/**
 * A cadre's appointment as the register holds it: 姓名, 原任职务, 现任职务, 单位, 任职时间 and 试用期 in months. The
 * probation ends on the day the months are up (2025-03-01 + 12 months = 2026-03-01).
 */
public record Appointment(String name, String formerPost, String currentPost, String unit, LocalDate appointedOn,
                          int months) {
  /** 试用期 when nobody says otherwise: one year, as 《党政领导干部选拔任用工作条例》 sets it. */
  public static final int DEFAULT_MONTHS = 12;
  public static final int MAX_MONTHS = 60;

  public LocalDate probationEnds() {
    return appointedOn.plusMonths(months);
  }
}
