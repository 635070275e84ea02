package org.pingyi.probation;

import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.pingyi.http.JsonInput;

/** Reads the register's request bodies; every field error is reported at once. */
final class ProbationInput {
  private static final int TEXT_MAX = 200;
  private static final int MAX_ASSESSED = 100;

  private ProbationInput() {
  }

  /** One entry: name and 任职时间 required, 试用期 one year unless given. */
  static Appointment appointment(RoutingContext ctx) {
    JsonInput in = JsonInput.of(ctx);
    String name = in.text("name", true, 50);
    String formerPost = in.text("formerPost", false, TEXT_MAX);
    String currentPost = in.text("currentPost", false, TEXT_MAX);
    String unit = in.text("unit", false, TEXT_MAX);
    var appointedOn = in.date("appointedOn");
    if (appointedOn.isEmpty()) in.fail("appointedOn", "不能为空");
    int months = in.integer("months", Appointment.DEFAULT_MONTHS, 1, Appointment.MAX_MONTHS);
    in.throwIfInvalid();
    return new Appointment(name, formerPost, currentPost, unit, appointedOn.orElseThrow(), months);
  }

  static String tsv(RoutingContext ctx) {
    JsonInput in = JsonInput.of(ctx);
    String tsv = in.text("tsv", true, 200_000);
    in.throwIfInvalid();
    return tsv;
  }

  /** 发起试用期满考核: the entries to assess (one or more) and, optionally, the event's title. */
  record StartAssessment(List<UUID> entryIds, String title) {
  }

  static StartAssessment startAssessment(RoutingContext ctx) {
    JsonInput in = JsonInput.of(ctx);
    String title = in.text("title", false, 200);
    List<UUID> ids = new ArrayList<>();
    Object raw = in.raw().getValue("entryIds");
    if (!(raw instanceof JsonArray array) || array.isEmpty()) {
      in.fail("entryIds", "请至少选择一名干部");
    } else if (array.size() > MAX_ASSESSED) {
      in.fail("entryIds", "一次最多 " + MAX_ASSESSED + " 人");
    } else {
      for (int i = 0; i < array.size(); i++) {
        UUID id = uuid(array.getValue(i));
        if (id == null) in.fail("entryIds[" + i + "]", "不是登记记录的编号");
        else ids.add(id);
      }
    }
    in.throwIfInvalid();
    return new StartAssessment(List.copyOf(new LinkedHashSet<>(ids)), title);
  }

  /** The year whose appointments prefill a 新提拔任用干部民主评议表. */
  static int year(RoutingContext ctx) {
    JsonInput in = JsonInput.of(ctx);
    if (!in.has("year")) in.fail("year", "不能为空");
    int year = in.integer("year", 0, 2000, 2100);
    in.throwIfInvalid();
    return year;
  }

  private static UUID uuid(Object value) {
    if (!(value instanceof String s)) return null;
    try {
      return UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
