package org.pingyi.board;

import java.util.List;

/** What the printed list says about the codes, worded once. */
final class BoardTexts {

  private BoardTexts() {
  }

  static List<String> explanation(int count) {
    return List.of(
        "共 " + count + " 个回执码（每张收回的选票一个），按回执码排序，与投票先后无关。",
        "手机投票提交成功时显示回执码（如 7K2QX-M9D4A）。在下表中找到您的回执码，即说明您的选票已计入。",
        "纸质票的回执码由系统随机生成，无人持有。回执码不包含也不会透露投票人的身份。");
  }
}
