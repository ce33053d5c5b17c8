package org.tiptrace.hash.pdq;

import java.util.function.IntToLongFunction;

/**
 * The deletion marks of a sealed {@link Segment}: one bit per row, and how many are set. Both
 * layouts keep their rows immutable and only mark them, so removal stays O(rows) with no id map.
 * Changed only under the owning index's write lock.
 */
final class RowDeletions {
  private final long[] bits;
  private final int rows;
  private int count;

  RowDeletions(int rows) {
    this.rows = rows;
    this.bits = new long[(rows + 63) >>> 6];
  }

  boolean isDeleted(int row) {
    return (bits[row >>> 6] & (1L << row)) != 0;
  }

  /** Rows not deleted. */
  int live() {
    return rows - count;
  }

  /** Marks every live row whose id ({@code idOf}) is {@code id}; returns how many. */
  int delete(long id, IntToLongFunction idOf) {
    int removed = 0;
    for (int row = 0; row < rows; row++) {
      if (idOf.applyAsLong(row) == id && !isDeleted(row)) {
        bits[row >>> 6] |= 1L << row;
        count++;
        removed++;
      }
    }
    return removed;
  }

  /** Bytes of the bit set (header ignored). */
  long memoryBytes() {
    return 8L * bits.length;
  }
}
