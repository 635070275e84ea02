package org.pingyi.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Chinese file names survive the Content-Disposition header (RFC 5987) and any file system. */
class DownloadsTest {

  @Test
  void aChineseNameIsPercentEncodedAsUtf8() {
    assertThat(Downloads.percentEncoded("原始选票 v1.csv")).isEqualTo("%E5%8E%9F%E5%A7%8B%E9%80%89%E7%A5%A8%20v1.csv");
  }

  @Test
  void charactersWindowsRefusesInNamesAreReplaced() {
    assertThat(Downloads.safeName("2026/一报告:两评议*?")).isEqualTo("2026_一报告_两评议__");
    assertThat(Downloads.safeName("  ")).isEqualTo("download");
  }
}
