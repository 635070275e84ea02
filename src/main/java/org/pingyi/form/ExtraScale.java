package org.pingyi.form;

import java.util.List;

/** A further single-choice scale asked per matrix row (是否存在拉票、跑官、要官行为). */
public record ExtraScale(String id, String label, boolean required, List<ScaleOption> options) {

  public ExtraScale {
    options = List.copyOf(options);
  }
}
