package org.pingyi.summary;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites an xlsx (a zip) with every entry dated {@code stamp}: the writer dates entries with the current time,
 * and the archive bundle must get the same SHA-256 for the same data.
 */
final class StableZip {

  private StableZip() {
  }

  static byte[] of(byte[] zip, OffsetDateTime stamp) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
         ZipOutputStream rewritten = new ZipOutputStream(out)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        ZipEntry copy = new ZipEntry(entry.getName());
        // Local time, not an instant: a zip's DOS dates carry no zone, so the bytes must not depend on the server's.
        copy.setTimeLocal(stamp.toLocalDateTime());
        rewritten.putNextEntry(copy);
        in.transferTo(rewritten);
        rewritten.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
