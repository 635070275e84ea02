package org.pingyi.slip;

import io.vertx.core.buffer.Buffer;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A batch as CSV (序号,投票地址), UTF-8 with a byte-order mark so that Excel and WPS read the Chinese
 * header, produced as chunks of rows so that a batch of 100,000 is never one string in memory.
 */
final class SlipCsv implements Iterator<Buffer> {
  static final String HEADER = "\uFEFF序号,投票地址\r\n";
  // About 70 KB a chunk: near the response's write-queue limit, so each write is worth a look at back-pressure.
  private static final int ROWS_PER_CHUNK = 1_000;

  private final IssuedBatch batch;
  private final String publicUrl;
  private boolean headerSent;
  private int next;

  SlipCsv(IssuedBatch batch, String publicUrl) {
    this.batch = batch;
    this.publicUrl = publicUrl;
  }

  @Override
  public boolean hasNext() {
    return !headerSent || next < batch.count();
  }

  @Override
  public Buffer next() {
    if (!hasNext()) throw new NoSuchElementException();
    if (!headerSent) {
      headerSent = true;
      return Buffer.buffer(HEADER);
    }
    int end = Math.min(batch.count(), next + ROWS_PER_CHUNK);
    StringBuilder rows = new StringBuilder((end - next) * 72);
    for (; next < end; next++) {
      IssuedSlip slip = batch.slip(next);
      rows.append(slip.serial()).append(',').append(slip.votingUrl(publicUrl)).append("\r\n");
    }
    return Buffer.buffer(rows.toString());
  }
}
