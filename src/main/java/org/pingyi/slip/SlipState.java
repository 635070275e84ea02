package org.pingyi.slip;

/** A slip's life: unused until it votes (used), is voided by staff, or is registered 未收回 after the close. */
public enum SlipState {
  UNUSED("unused"),
  USED("used"),
  VOID("void"),
  UNRETURNED("unreturned");

  private final String wireName;

  SlipState(String wireName) {
    this.wireName = wireName;
  }

  /** The name in the slips.state column and in JSON. */
  public String wireName() {
    return wireName;
  }

  private static final SlipState[] ALL = values();

  public static SlipState fromWire(String name) {
    for (SlipState state : ALL) {
      if (state.wireName.equals(name)) return state;
    }
    throw new IllegalArgumentException("unknown slip state " + name);
  }
}
