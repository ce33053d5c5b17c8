package org.tiptrace.intake;

/**
 * Size limits that protect intake from oversized or hostile documents.
 *
 * @param maxDocumentBytes largest document parsed (larger ones are archived and rejected)
 * @param maxDepth deepest element or JSON nesting
 * @param maxTextLength longest single text value or attribute, in characters
 */
public record IntakeLimits(long maxDocumentBytes, int maxDepth, int maxTextLength) {

  public static final IntakeLimits DEFAULT =
      new IntakeLimits(32L * 1024 * 1024, 64, 4 * 1024 * 1024);

  public IntakeLimits {
    if (maxDocumentBytes < 1) {
      throw new IllegalArgumentException(
          "maxDocumentBytes must be positive, was " + maxDocumentBytes);
    }
    if (maxDepth < 8) {
      throw new IllegalArgumentException("maxDepth must be at least 8, was " + maxDepth);
    }
    if (maxTextLength < 1024) {
      throw new IllegalArgumentException(
          "maxTextLength must be at least 1024, was " + maxTextLength);
    }
  }
}
