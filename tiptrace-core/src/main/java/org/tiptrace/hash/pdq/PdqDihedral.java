package org.tiptrace.hash.pdq;

/**
 * The eight rotations and flips of an image, in the order of the reference test files {@code
 * bridge-1-original} … {@code bridge-8-flip-minus-1} (reference §1.8).
 *
 * <p>Each is obtained from the original 16×16 DCT block {@code B} by an optional transpose and sign
 * changes, then re-thresholded at its own median. "Even" means an even 0-based index, i.e. an odd
 * DCT frequency, which changes sign under a flip.
 */
public enum PdqDihedral {
  /** Unchanged. */
  ORIGINAL(false, Negate.NONE),
  /** Rotated 90°: transpose, negate where the original column is even. */
  ROTATE_90(true, Negate.EVEN_COLUMN),
  /** Rotated 180°: negate where {@code i + j} is odd. */
  ROTATE_180(false, Negate.ODD_SUM),
  /** Rotated 270°: transpose, negate where the original row is even. */
  ROTATE_270(true, Negate.EVEN_ROW),
  /** Mirrored left-right: negate where the row is even. */
  FLIP_X(false, Negate.EVEN_ROW),
  /** Mirrored top-bottom: negate where the column is even. */
  FLIP_Y(false, Negate.EVEN_COLUMN),
  /** Mirrored about the main diagonal: transpose only. */
  FLIP_PLUS_1(true, Negate.NONE),
  /** Mirrored about the anti-diagonal: transpose, negate where {@code i + j} is odd. */
  FLIP_MINUS_1(true, Negate.ODD_SUM);

  private final boolean transpose;
  private final Negate negate;

  PdqDihedral(boolean transpose, Negate negate) {
    this.transpose = transpose;
    this.negate = negate;
  }

  /**
   * Writes the variant of {@code b} (16×16, row-major) into {@code out}; indices refer to the
   * original block.
   */
  void apply(float[] b, float[] out) {
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 16; j++) {
        float v = b[16 * i + j];
        if (negate.applies(i, j)) {
          v = -v;
        }
        out[transpose ? 16 * j + i : 16 * i + j] = v;
      }
    }
  }

  private enum Negate {
    NONE,
    EVEN_ROW,
    EVEN_COLUMN,
    ODD_SUM;

    boolean applies(int i, int j) {
      return switch (this) {
        case NONE -> false;
        case EVEN_ROW -> (i & 1) == 0;
        case EVEN_COLUMN -> (j & 1) == 0;
        case ODD_SUM -> ((i + j) & 1) == 1;
      };
    }
  }
}
