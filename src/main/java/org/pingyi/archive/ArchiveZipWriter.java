package org.pingyi.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the archive zip, entry after entry, hashing each as it goes, and ends with SHA256SUMS. Entries carry
 * one fixed time (the archiving) and come in a fixed order, so the same record gives the same zip; the manifest
 * covers the files' contents only, so its SHA-256 stays the same even where another zlib compresses differently.
 */
final class ArchiveZipWriter {

  private ArchiveZipWriter() {
  }

  /** Blocking: for a worker thread. Returns the manifest text. {@code out} is not closed. */
  static String write(OutputStream out, List<ArchiveZipEntry> entries, LocalDateTime entryTime) throws IOException {
    Manifest manifest = new Manifest();
    ZipOutputStream zip = new ZipOutputStream(new Unclosable(out), StandardCharsets.UTF_8);
    for (ArchiveZipEntry entry : entries) {
      MessageDigest digest = Manifest.digest();
      zip.putNextEntry(zipEntry(entry.name(), entryTime));
      entry.content().writeTo(new DigestOutputStream(new Unclosable(zip), digest));
      zip.closeEntry();
      manifest.add(entry.name(), digest.digest());
    }
    String text = manifest.text();
    zip.putNextEntry(zipEntry(Manifest.FILE_NAME, entryTime));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
    zip.finish();
    zip.flush();
    return text;
  }

  /** Local date-time, not an instant: the DOS time in the zip then does not depend on the server's time zone. */
  private static ZipEntry zipEntry(String name, LocalDateTime time) {
    ZipEntry entry = new ZipEntry(name);
    entry.setTimeLocal(time);
    return entry;
  }

  /** Passes bytes through in bulk and keeps the stream under it open, whatever a writer does. */
  private static final class Unclosable extends OutputStream {
    private final OutputStream out;

    Unclosable(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
