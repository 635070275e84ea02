package org.pingyi.event;

import io.vertx.core.json.JsonObject;

/** A 参评人员类别 (票类): slips are issued per category, and the tally can show each category apart. */
public record VoterCategory(String code, String name, int expected, Double weight) {

  public JsonObject toJson() {
    return new JsonObject().put("code", code).put("name", name).put("expected", expected).put("weight", weight);
  }
}
