package org.pingyi.feedback;

import java.util.Arrays;
import java.util.Optional;

/** What a message is about: the three categories the box offers, by wire name and Chinese label. */
public enum Category {
  SELECTION("selection", "选人用人"),
  CONDUCT("conduct", "干部作风"),
  OTHER("other", "其他");

  private final String wireName;
  private final String label;

  Category(String wireName, String label) {
    this.wireName = wireName;
    this.label = label;
  }

  public String wireName() {
    return wireName;
  }

  public String label() {
    return label;
  }

  public static Optional<Category> fromWire(String name) {
    return Arrays.stream(values()).filter(c -> c.wireName.equals(name)).findFirst();
  }
}
