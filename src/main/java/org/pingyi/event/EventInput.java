package org.pingyi.event;

import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.pingyi.http.JsonInput;

/** Reads and checks an event body: every field error is reported at once. */
final class EventInput {
  private static final Pattern CATEGORY_CODE = Pattern.compile("[A-Za-z0-9]{1,8}");
  private static final int MAX_PEOPLE = 1_000_000;

  private EventInput() {
  }

  static EventDetails details(RoutingContext ctx) {
    JsonInput in = JsonInput.of(ctx);
    String title = in.text("title", true, 200);
    String unit = in.text("organizingUnit", false, 200);
    var date = in.date("date");
    String venue = in.text("venue", false, 200);
    int expected = in.integer("expectedAttendance", 0, 0, MAX_PEOPLE);
    List<VoterCategory> categories = categories(in);
    List<String> counters = in.textList("counters", 20, 50);
    List<String> supervisors = in.textList("supervisors", 20, 50);
    String responsibleName = "";
    String responsibleTitle = "负责人";
    var responsible = in.object("responsible");
    if (responsible.isPresent()) {
      responsibleName = responsible.get().text("name", false, 50);
      String title2 = responsible.get().text("title", false, 20);
      if (!title2.isEmpty()) responsibleTitle = title2;
    }
    in.throwIfInvalid();
    return new EventDetails(title, unit, date.orElse(null), venue, expected, categories, counters, supervisors,
        responsibleName, responsibleTitle);
  }

  private static List<VoterCategory> categories(JsonInput in) {
    List<VoterCategory> categories = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    List<JsonInput> items = in.objects("categories", 20);
    for (int i = 0; i < items.size(); i++) {
      JsonInput item = items.get(i);
      String code = item.text("code", true, 8);
      if (!code.isEmpty() && !CATEGORY_CODE.matcher(code).matches()) item.fail("code", "只能使用 1–8 位字母或数字");
      if (!code.isEmpty() && !codes.add(code.toUpperCase(java.util.Locale.ROOT))) item.fail("code", "类别代码重复");
      String name = item.text("name", true, 50);
      int expected = item.integer("expected", 0, 0, MAX_PEOPLE);
      Double weight = item.positiveNumber("weight", 1000).orElse(null);
      categories.add(new VoterCategory(code.toUpperCase(java.util.Locale.ROOT), name, expected, weight));
    }
    return categories;
  }
}
