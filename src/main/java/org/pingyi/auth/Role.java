package org.pingyi.auth;

import java.util.Arrays;
import java.util.Optional;

/** What a staff member may do; admins may do everything. */
public enum Role {
  ADMIN("admin"),
  ORGANIZER("organizer"),
  CLERK("clerk"),
  OBSERVER("observer");

  private final String wireName;

  Role(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<Role> fromWire(String name) {
    return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
  }
}
