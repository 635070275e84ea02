package org.pingyi.probation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads 任职时间 and 试用期 as people type them in Excel or WPS: 2025-03-01, 2025/3/1, 2025.3.1, 2025年3月1日, 20250301;
 * 12, 12个月, 1年, 一年, 半年. A date must name its day: a probation ends on a day, and 2025.03 would leave it to a guess.
 */
final class RegisterCells {
  private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
  private static final Pattern MONTHS = Pattern.compile("(\\d{1,2})\\s*(个月|月)?");
  private static final Pattern YEARS = Pattern.compile("(\\d|一|两|二|三)\\s*年");

  private RegisterCells() {
  }

  static Optional<LocalDate> date(String text) {
    String s = text.strip();
    Matcher m = DATE.matcher(s);
    if (!m.matches()) m = COMPACT.matcher(s);
    if (!m.matches()) return Optional.empty();
    try {
      return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3))));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** Months of probation; empty text is the default year, anything unreadable or out of range is empty. */
  static Optional<Integer> months(String text) {
    String s = text.strip();
    if (s.isEmpty()) return Optional.of(Appointment.DEFAULT_MONTHS);
    Integer months = null;
    if (s.equals("半年")) months = 6;
    Matcher m = MONTHS.matcher(s);
    if (m.matches()) months = Integer.parseInt(m.group(1));
    Matcher y = YEARS.matcher(s);
    if (y.matches()) months = years(y.group(1));
    if (months == null || months < 1 || months > Appointment.MAX_MONTHS) return Optional.empty();
    return Optional.of(months);
  }

  private static int years(String digit) {
    return 12 * switch (digit) {
      case "一" -> 1;
      case "两", "二" -> 2;
      case "三" -> 3;
      default -> Integer.parseInt(digit);
    };
  }
}
