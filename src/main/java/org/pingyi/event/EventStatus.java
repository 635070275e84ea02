package org.pingyi.event;

import java.util.Optional;

/** An event's lifecycle, draft → open → closed → archived, and which step each state allows. */
public enum EventStatus {
  DRAFT("draft", "草稿"),
  OPEN("open", "投票中"),
  CLOSED("closed", "已结束"),
  ARCHIVED("archived", "已归档");

  private final String wireName;
  private final String label;

  EventStatus(String wireName, String label) {
    this.wireName = wireName;
    this.label = label;
  }

  public String wireName() {
    return wireName;
  }

  public String label() {
    return label;
  }

  public static EventStatus fromWire(String name) {
    for (EventStatus status : values()) {
      if (status.wireName.equals(name)) return status;
    }
    throw new IllegalArgumentException("unknown event status " + name);
  }

  /** The steps between states, each allowed from exactly one state. */
  public enum Transition {
    OPEN("open", DRAFT, EventStatus.OPEN, "开始投票"),
    CLOSE("close", EventStatus.OPEN, CLOSED, "结束投票"),
    ARCHIVE("archive", CLOSED, ARCHIVED, "归档");

    final String action;
    final EventStatus from;
    final EventStatus to;
    final String label;

    Transition(String action, EventStatus from, EventStatus to, String label) {
      this.action = action;
      this.from = from;
      this.to = to;
      this.label = label;
    }

    public EventStatus from() {
      return from;
    }

    public EventStatus to() {
      return to;
    }

    /** Why this step cannot be taken from the given state, in Chinese; empty when it can. */
    public Optional<String> refusalFrom(EventStatus current) {
      if (current == from) return Optional.empty();
      return Optional.of("活动当前状态为“" + current.label + "”，不能" + label + "（仅“" + from.label + "”状态可以）");
    }
  }

  /** Forms and voter categories change only while the event is a draft. */
  public boolean formsEditable() {
    return this == DRAFT;
  }

  /** Voting has ended (closed or archived): results, exports and the unused serials may be shown. */
  public boolean votingOver() {
    return this == CLOSED || this == ARCHIVED;
  }

  /** Names, dates and signatories can still be completed until the event is archived. */
  public boolean detailsEditable() {
    return this != ARCHIVED;
  }
}
