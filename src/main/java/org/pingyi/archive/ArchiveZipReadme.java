package org.pingyi.archive;

import java.time.format.DateTimeFormatter;
import org.pingyi.rawexport.RawBallotColumns;

/** README.txt of the archive zip: what each file in it is and how to check it with standard tools, in Chinese. */
final class ArchiveZipReadme {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private ArchiveZipReadme() {
  }

  static String text(ArchiveZipContents contents) {
    var event = contents.raw().event();
    int minGroup = contents.raw().categories().minGroupSize();
    // The byte-order mark lets older Windows Notepad read the Chinese as UTF-8.
    return "\uFEFF" + """
        评议 Pingyi 归档包
        
        活动：%s
        组织单位：%s
        日期：%s　地点：%s
        归档时间：%s（北京时间）
        
        文件
          README.txt          本说明
          event.json          活动信息：参评人员类别、计票人、监票人、负责人，以及各表单冻结时的 SHA-256
          forms/<编号>.json   冻结的表单（规范 JSON），其 SHA-256 即开始投票时记录的表单哈希
          ballots.csv         全部选票，每张一行（UTF-8 带 BOM，可用 Excel、WPS 打开）；多选以“%s”分隔；
                              以 = + - @ 或撇号开头的内容前加了一个撇号，防止表格软件当作公式
          ballots.json        全部选票（JSON），答案按表单和题目编号保存，可对照 forms 重新计票
          summary.xlsx、summary.pdf  汇总表（与控制台导出的相同）
          audit.json          本活动的审计日志（截至归档）
          SHA256SUMS          以上每个文件的 SHA-256
        
        选票按随机生成的选票编号排序，与投票先后无关；选票不足 %d 张的参评人员类别不单列，合并为“其他”。
        
        核对方法
          1. 解压后在该目录运行：sha256sum -c SHA256SUMS（每个文件都应显示“确定”或 OK）。
          2. 运行：sha256sum SHA256SUMS，得到的清单哈希应与纸质档案上记录的一致。
          Windows 可用：certutil -hashfile SHA256SUMS SHA256
        """.formatted(event.getString("title"), event.getString("organizingUnit"), event.getString("date"),
        event.getString("venue"), WHEN.format(contents.archivedLocal()), RawBallotColumns.SEPARATOR, minGroup);
  }
}
