package org.pingyi.feedback;

import java.util.Arrays;
import java.util.Optional;

/** Where a message stands: new, then 已阅, 转办 and 办结 as staff triage it (办结 is final). */
public enum MessageStatus {
  NEW("new", "待处理"),
  READ("read", "已阅"),
  REFERRED("referred", "转办"),
  DONE("done", "办结");

  private final String wireName;
  private final String label;

  MessageStatus(String wireName, String label) {
    this.wireName = wireName;
    this.label = label;
  }

  public String wireName() {
    return wireName;
  }

  public String label() {
    return label;
  }

  public static Optional<MessageStatus> fromWire(String name) {
    return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
  }
}
