package org.pingyi.archive;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** One file of the archive bundle: its name in the zip and what writes it (on a worker thread, possibly streaming). */
record BundleFile(String name, Content content) {

  /** Writes the file's bytes; must not close {@code out}. */
  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  static BundleFile of(String name, Buffer bytes) {
    return new BundleFile(name, out -> out.write(bytes.getBytes()));
  }

  static BundleFile of(String name, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new BundleFile(name, out -> out.write(bytes));
  }
}
