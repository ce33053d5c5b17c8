package org.tiptrace.intake;

/**
 * Reads one document format into the tip model. Implementations are pure and thread-safe: bytes in,
 * a {@link ParseResult} out, never an exception for bad input.
 */
public interface DocumentReader {

  /**
   * @param sourceName the file name used in every {@link Problem}
   * @param bytes the document exactly as received (a UTF-8 byte-order mark is allowed)
   */
  ParseResult read(String sourceName, byte[] bytes, ParseMode mode, IntakeLimits limits);
}
