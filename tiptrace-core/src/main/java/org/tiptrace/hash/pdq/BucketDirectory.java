package org.tiptrace.hash.pdq;

/**
 * Bucket starts of one or more tables with the same bucket count, stored compactly: an int anchor
 * per group of 64 buckets plus a char offset per bucket (about 2.06 bytes a bucket), or plain int
 * starts when some group spans 2^16 entries or more (heavily clustered data). The same scheme as
 * {@link SlotSegment}'s directory; immutable.
 */
final class BucketDirectory {

  private static final int GROUP_SHIFT = 6;

  private final int buckets;
  private final int stride;
  private final int groupsPerTable;
  private final int[] anchors;
  private final char[] rel;
  private final int[] wide;

  /**
   * From {@code tables × (buckets + 1)} non-decreasing starts, table by table ({@code starts[t ·
   * (buckets + 1) + k]} is where bucket {@code k} of table {@code t} begins; the last is the end).
   * The array is kept when the compact form does not fit.
   */
  BucketDirectory(int[] starts, int tables, int buckets) {
    this.buckets = buckets;
    this.stride = buckets + 1;
    this.groupsPerTable = (stride + (1 << GROUP_SHIFT) - 1) >>> GROUP_SHIFT;
    boolean fits = true;
    for (int t = 0; t < tables && fits; t++) {
      for (int k = 0; k < stride; k++) {
        if (starts[t * stride + k] - starts[t * stride + (k & -(1 << GROUP_SHIFT))] > 0xFFFF) {
          fits = false;
          break;
        }
      }
    }
    if (fits) {
      this.anchors = new int[tables * groupsPerTable];
      this.rel = new char[tables * stride];
      this.wide = new int[0];
      for (int t = 0; t < tables; t++) {
        for (int k = 0; k < stride; k++) {
          int anchor = starts[t * stride + (k & -(1 << GROUP_SHIFT))];
          if ((k & ((1 << GROUP_SHIFT) - 1)) == 0) {
            anchors[t * groupsPerTable + (k >>> GROUP_SHIFT)] = anchor;
          }
          rel[t * stride + k] = (char) (starts[t * stride + k] - anchor);
        }
      }
    } else {
      this.anchors = new int[0];
      this.rel = new char[0];
      this.wide = starts;
    }
  }

  /** Start of bucket {@code k} of table {@code t}; {@code k == buckets} gives the table's end. */
  int start(int t, int k) {
    if (wide.length != 0) {
      return wide[t * stride + k];
    }
    return anchors[t * groupsPerTable + (k >>> GROUP_SHIFT)] + rel[t * stride + k];
  }

  /** The bucket of table {@code t} holding position {@code pos} (below the table's end). */
  int bucketOf(int t, int pos) {
    // Largest k with start(k) <= pos (empty buckets before it start there too); a fixed number
    // of halving steps without data-dependent branches (buckets is a power of two).
    int k = 0;
    for (int step = buckets >>> 1; step > 0; step >>>= 1) {
      k += start(t, k + step) <= pos ? step : 0;
    }
    return k;
  }

  /** Whether the compact form did not fit and plain int starts are kept. */
  boolean isWide() {
    return wide.length != 0;
  }

  /** Bytes of the arrays (headers ignored). */
  long memoryBytes() {
    return 4L * anchors.length + 2L * rel.length + 4L * wide.length;
  }
}
