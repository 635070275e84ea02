package org.pingyi.probation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pingyi.form.FieldError;
import org.pingyi.form.FormProblems;
import org.pingyi.formeditor.TsvImport;
import org.pingyi.http.AppError;

/**
 * The register pasted from Excel or WPS: 姓名, 原任职务, 现任职务, 任职时间, 试用期, 单位, read as the cadre lists are
 * ({@link TsvImport#lines}); 试用期 may be left empty (one year). Every bad line is named in one 400 at {@code tsv}.
 */
final class RegisterPaste {
  private static final List<List<String>> FIELDS = List.of(List.of("姓名"), List.of("原任职务", "原职务"),
      List.of("现任职务", "职务", "现职务", "拟任职务"), List.of("任职时间", "任职日期", "任职时间（年月日）"),
      List.of("试用期", "试用期（月）", "试用期限"), List.of("单位", "所在单位", "工作单位", "任职单位"));
  private static final int MAX_REPORTED = 10;

  private RegisterPaste() {
  }

  static List<Appointment> read(String tsv) {
    List<TsvImport.Line> lines;
    try {
      lines = TsvImport.lines(tsv, FIELDS);
    } catch (FormProblems problems) {
      FieldError first = problems.errors().get(0);
      throw AppError.invalidInput(first.message(), Map.of("tsv", first.message()));
    }
    List<Appointment> appointments = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (TsvImport.Line line : lines) {
      List<String> v = line.values();
      var appointedOn = RegisterCells.date(v.get(3));
      var months = RegisterCells.months(v.get(4));
      if (appointedOn.isEmpty()) problems.add("第" + line.number() + "行：任职时间“" + v.get(3) + "”不是日期，请写到日，如 2025-03-01");
      if (months.isEmpty()) problems.add("第" + line.number() + "行：试用期“" + v.get(4) + "”应为 1–60 个月，如 12 或 1年");
      if (appointedOn.isEmpty() || months.isEmpty()) continue;
      appointments.add(new Appointment(v.get(0), v.get(1), v.get(2), v.get(5), appointedOn.get(), months.get()));
    }
    if (!problems.isEmpty()) {
      String shown = String.join("；", problems.subList(0, Math.min(MAX_REPORTED, problems.size())));
      String message = problems.size() > MAX_REPORTED ? shown + "；另有 " + (problems.size() - MAX_REPORTED) + " 处有误" : shown;
      throw AppError.invalidInput(message, Map.of("tsv", message));
    }
    return appointments;
  }

  /** Whether the register already holds this appointment: pasting the same sheet twice adds nobody twice. */
  static boolean sameAppointment(Appointment a, Appointment b) {
    return a.name().equals(b.name()) && a.appointedOn().equals(b.appointedOn()) && a.currentPost().equals(b.currentPost());
  }
}
