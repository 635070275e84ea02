package org.pingyi.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Request bodies that tests share. */
public final class Fixtures {
  public static final String THREE_CADRES = String.join("\n",
      "姓名\t原任职务\t现任职务\t任职时间",
      "张三\t办公室副主任\t办公室主任\t2025.03",
      "李四\t科员\t副科长\t2025.06",
      "王五\t副科长\t科长\t2025.09");
  public static final String FIVE_CADRES = String.join("\n", THREE_CADRES,
      "赵六\t乡镇副镇长\t县发展和改革局副局长\t2025.10",
      "孙七\t团县委副书记\t县教育局党组成员、副局长\t2025.11");

  /** The probation register as copied from a sheet: 试用期 left empty is a year; one is given in words. */
  public static final String PROBATION_REGISTER = String.join("\n",
      "姓名\t原任职务\t现任职务\t任职时间\t试用期\t单位",
      "张三\t办公室副主任\t办公室主任\t2025-03-01\t\t县委办公室",
      "李四\t科员\t副科长\t2025/6/15\t1年\t县财政局",
      "王五\t副科长\t科长\t2025年9月1日\t6个月\t县教育局");

  private Fixtures() {
  }

  public static JsonObject event(String title) {
    return new JsonObject()
        .put("title", title)
        .put("organizingUnit", "中共某某县委组织部")
        .put("date", "2026-12-01")
        .put("venue", "县委大礼堂")
        .put("expectedAttendance", 60)
        .put("categories", new JsonArray()
            .add(new JsonObject().put("code", "A").put("name", "领导班子成员").put("expected", 10).put("weight", 30))
            .add(new JsonObject().put("code", "B").put("name", "干部职工代表").put("expected", 50).put("weight", 70)))
        .put("counters", new JsonArray().add("赵计票"))
        .put("supervisors", new JsonArray().add("钱监票"))
        .put("responsible", new JsonObject().put("name", "孙书记").put("title", "主持人"));
  }

  /** Creates an event with a 新提拔任用干部评议 form holding three cadres; returns {eventId, formId}. */
  public static JsonObject readyEvent(Api organizer, String title) {
    String eventId = organizer.post("/api/events", event(title)).bodyAsJsonObject().getString("id");
    JsonObject form = organizer.post("/api/events/" + eventId + "/forms", new JsonObject().put("template", "new-cadres"))
        .bodyAsJsonObject();
    String questionId = form.getJsonObject("definition").getJsonArray("sections").getJsonObject(0)
        .getJsonArray("questions").getJsonObject(0).getString("id");
    var pasted = organizer.post("/api/forms/" + form.getString("id") + "/paste",
        new JsonObject().put("questionId", questionId).put("tsv", THREE_CADRES));
    if (pasted.statusCode() != 200) throw new AssertionError("paste failed: " + pasted.bodyAsString());
    return new JsonObject().put("eventId", eventId).put("formId", form.getString("id"));
  }
}
