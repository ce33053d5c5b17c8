package org.tiptrace.hash.content;

/** What became of the PDQ hash of a file's bytes. */
public enum PdqStatus {
  /** Decoded and hashed with quality at or above the gate: matched with its eight variants. */
  HASHED,
  /**
   * Decoded and hashed, but the quality is below {@link
   * org.tiptrace.hash.pdq.PdqResult#QUALITY_THRESHOLD} (pdq.md §2): shown and flagged, never
   * matched.
   */
  LOW_QUALITY,
  /**
   * No image reader of the JDK recognises the bytes: not an image, or an image format the JDK
   * cannot decode (WebP, say). Not an error.
   */
  NOT_AN_IMAGE,
  /** A reader recognised the format but decoding failed (a truncated or corrupt image). */
  CANNOT_DECODE,
  /** The image declares more pixels than Tiptrace decodes ({@link ContentHasher#MAX_PIXELS}). */
  TOO_LARGE
}
