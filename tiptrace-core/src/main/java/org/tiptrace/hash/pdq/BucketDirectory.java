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
    // Largest k with start(k) <= pos (empty buckets before it start there too), by halving
    // steps without data-dependent branches.
    if (wide.length != 0) {
      int k = 0;
      for (int step = buckets >>> 1; step > 0; step >>>= 1) {
        k += wide[t * stride + k + step] <= pos ? step : 0;
      }
      return k;
    }
    // Compact: first the last group whose anchor is <= pos (the anchors are few and stay in L1),
    // then within its 64 offsets (two cache lines) instead of 16 steps across the whole table.
    int a = t * groupsPerTable;
    int g = 0;
    for (int step = Integer.highestOneBit(groupsPerTable); step > 0; step >>>= 1) {
      g += g + step < groupsPerTable && anchors[a + g + step] <= pos ? step : 0;
    }
    int first = g << GROUP_SHIFT;
    int rest = pos - anchors[a + g];
    int r = t * stride + first;
    int inGroup = Math.min(1 << GROUP_SHIFT, stride - first);
    int k = 0;
    for (int step = 1 << (GROUP_SHIFT - 1); step > 0; step >>>= 1) {
      k += k + step < inGroup && rel[r + k + step] <= rest ? step : 0;
    }
    return first + k;
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
