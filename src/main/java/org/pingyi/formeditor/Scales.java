package org.pingyi.formeditor;

import java.util.List;
import org.pingyi.form.ScaleOption;

/** The grade scales that several templates share, so their ids and scores stay identical everywhere. */
final class Scales {

  private Scales() {
  }

  /** 好 / 较好 / 一般 / 差 with the docs/domain.md default scores 100 / 80 / 60 / 40; 好 and 较好 are favourable. */
  static List<ScaleOption> goodToPoor() {
    return List.of(
        new ScaleOption("good", "好", 100, true, false),
        new ScaleOption("fair", "较好", 80, true, false),
        new ScaleOption("average", "一般", 60, false, false),
        new ScaleOption("poor", "差", 40, false, false));
  }

  /** The 不了解 option an organiser may add to any scale. */
  static ScaleOption unknown() {
    return new ScaleOption("unknown", "不了解", null, false, true);
  }
}
