package org.pingyi.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256, one digest per thread: looking the algorithm up costs more than hashing a token or a ballot. */
public final class Sha256 {
  private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  });

  /** Each thread's encoder and its buffer for {@link #updateUtf8}, which hashes text without a byte copy of it. */
  private static final ThreadLocal<CharsetEncoder> UTF_8 = ThreadLocal.withInitial(() -> StandardCharsets.UTF_8.newEncoder()
      .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
  private static final ThreadLocal<ByteBuffer> BYTES = ThreadLocal.withInitial(() -> ByteBuffer.allocate(4096));

  private Sha256() {
  }

  /**
   * Adds the text's UTF-8 to the digest, exactly the bytes of {@code text.toString().getBytes(UTF_8)} (a lone
   * surrogate becomes '?' in both), through this thread's buffer rather than a copy of the text as bytes.
   */
  public static void updateUtf8(MessageDigest digest, CharSequence text) {
    CharsetEncoder encoder = UTF_8.get().reset();
    ByteBuffer bytes = BYTES.get().clear();
    CharBuffer chars = CharBuffer.wrap(text);
    CoderResult result;
    do {
      result = encoder.encode(chars, bytes, true);
      if (result.isOverflow()) {
        digest.update(bytes.array(), 0, bytes.position());
        bytes.clear();
      }
    } while (result.isOverflow());
    while (encoder.flush(bytes).isOverflow()) {
      digest.update(bytes.array(), 0, bytes.position());
      bytes.clear();
    }
    digest.update(bytes.array(), 0, bytes.position());
  }

  /**
   * This thread's digest, reset. Use it within one synchronous call (updates, then {@code digest()}), never across
   * an asynchronous step, where another task on the thread would take it over.
   */
  public static MessageDigest digest() {
    MessageDigest digest = DIGEST.get();
    digest.reset();
    return digest;
  }
}
