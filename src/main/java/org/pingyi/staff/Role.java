package org.pingyi.staff;

import java.util.Arrays;
import java.util.Optional;

/** What a staff member may do; admins may do everything. */
public enum Role {
  ADMIN("admin", "管理员"),
  ORGANIZER("organizer", "组织者"),
  CLERK("clerk", "工作人员"),
  OBSERVER("observer", "观察员");

  /** What a new account gets when nobody says otherwise: it may only look, so a slip of the hand grants nothing. */
  public static final Role LEAST = OBSERVER;

  private final String wireName;
  private final String label;

  Role(String wireName, String label) {
    this.wireName = wireName;
    this.label = label;
  }

  public String wireName() {
    return wireName;
  }

  /** The name the console and the audit log show. */
  public String label() {
    return label;
  }

  public static Optional<Role> fromWire(String name) {
    return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
  }
}
