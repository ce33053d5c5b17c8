package org.tiptrace.hash.pdq;

/**
 * A PDQ hash with its quality (0–100). Hashes with quality below {@link #QUALITY_THRESHOLD} should
 * not be used for matching (reference §2).
 */
public record PdqResult(PdqHash hash, int quality) {

  /** Lowest quality kept for matching (reference §2: discard ≤ 49). */
  public static final int QUALITY_THRESHOLD = 50;

  public PdqResult {
    if (quality < 0 || quality > 100) {
      throw new IllegalArgumentException("PDQ quality must be 0..100, got " + quality);
    }
  }

  /** Whether the quality passes the matching gate. */
  public boolean usable() {
    return quality >= QUALITY_THRESHOLD;
  }
}
