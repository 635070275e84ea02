package org.pingyi.tally.report;

import java.util.List;

/** The event's turnout line overall and per voter category, in display order. */
public record Turnout(TurnoutLine overall, List<Category> categories) {

  /** One voter category's turnout line. */
  public record Category(String code, String name, TurnoutLine line) {
  }
}
