package org.pingyi.archive;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** One entry of the archive zip: its name in the zip and what writes it (on a worker thread, possibly streaming). */
record ArchiveZipEntry(String name, Content content) {

  /** Writes the file's bytes; must not close {@code out}. */
  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  static ArchiveZipEntry of(String name, Buffer bytes) {
    return new ArchiveZipEntry(name, out -> out.write(bytes.getBytes()));
  }

  static ArchiveZipEntry of(String name, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new ArchiveZipEntry(name, out -> out.write(bytes));
  }
}
