package org.tiptrace.hash.exact;

import java.util.Arrays;

/**
 * The in-place sort that builds a digest index: entries as (hi, lo) key pairs in one {@code long[]}
 * (the key's sign bits flipped so signed order is unsigned digest order) with an int payload each,
 * distributed into {@code 2^bits} buckets by the key's top bits (American flag sort [1]), each
 * bucket sorted by (hi, lo, payload) with a three-way quicksort (Bentley and McIlroy [2]), and runs
 * of equal entries kept once. {@link DigestIndex} uses it, and so do the benchmark's comparison
 * layouts, so that every layout measured is built by the same code.
 *
 * <p>References: [1] McIlroy, Bostic, McIlroy, "Engineering Radix Sort" (1993); [2] Bentley,
 * McIlroy, "Engineering a Sort Function" (1993).
 */
public final class EntrySort {
  /** Buckets up to this size are insertion sorted. */
  private static final int INSERTION_SORT_MAX = 16;

  private EntrySort() {}

  /**
   * Sorts entries {@code 0..n-1} in place and keeps one of each equal (hi, lo, payload) run.
   *
   * @param k keys, two longs an entry (hi, lo), sign bits flipped
   * @param p payloads, one an entry
   * @param bits directory bits (1–30)
   * @return the directory: {@code 2^bits + 1} starts; the last is the number of distinct entries,
   *     which now occupy {@code 0..count-1}
   */
  public static int[] sortDistinct(long[] k, int[] p, int n, int bits) {
    if (bits < 1 || bits > 30) {
      throw new IllegalArgumentException("directory bits must be 1..30, was " + bits);
    }
    int[] dir = distribute(k, p, n, bits);
    for (int b = 0; b + 1 < dir.length; b++) {
      sort(k, p, dir[b], dir[b + 1]);
    }
    dedupe(k, p, dir);
    return dir;
  }

  /** Top bits of the digest (the flipped key's sign bit restored). */
  private static int bucket(long flippedHi, int shift) {
    return (int) ((flippedHi ^ Long.MIN_VALUE) >>> shift);
  }

  /**
   * Counts entries per bucket and permutes them in place so each bucket is contiguous (American
   * flag sort [1]); returns the directory.
   */
  private static int[] distribute(long[] k, int[] p, int n, int bits) {
    int buckets = 1 << bits;
    int shift = 64 - bits;
    int[] dir = new int[buckets + 1];
    for (int i = 0; i < n; i++) {
      dir[bucket(k[2 * i], shift) + 1]++;
    }
    for (int b = 0; b < buckets; b++) {
      dir[b + 1] += dir[b];
    }
    int[] next = Arrays.copyOf(dir, buckets);
    for (int b = 0; b < buckets; b++) {
      int end = dir[b + 1];
      while (next[b] < end) {
        int i = next[b];
        int c = bucket(k[2 * i], shift);
        if (c == b) {
          next[b]++;
        } else {
          // Move entry i to its bucket's next free place; take what was there and repeat.
          swap(k, p, i, next[c]++);
        }
      }
    }
    return dir;
  }

  /** Three-way quicksort on (hi, lo, payload) over [from, to); duplicates cost no extra passes. */
  private static void sort(long[] k, int[] p, int from, int to) {
    while (to - from > INSERTION_SORT_MAX) {
      // Pivot from the middle of three spread positions keeps sorted and shared-prefix input fast.
      int a = from;
      int m = (from + to) >>> 1;
      int z = to - 1;
      int pi = median(k, p, a, m, z);
      long ph = k[2 * pi];
      long pl = k[2 * pi + 1];
      int pp = p[pi];
      int lt = from;
      int gt = to;
      int i = from;
      while (i < gt) {
        int c = compare(k[2 * i], k[2 * i + 1], p[i], ph, pl, pp);
        if (c < 0) {
          swap(k, p, lt++, i++);
        } else if (c > 0) {
          swap(k, p, i, --gt);
        } else {
          i++;
        }
      }
      // Recurse on the smaller side, loop on the larger, so the stack stays O(log n).
      if (lt - from < to - gt) {
        sort(k, p, from, lt);
        from = gt;
      } else {
        sort(k, p, gt, to);
        to = lt;
      }
    }
    for (int i = from + 1; i < to; i++) {
      for (int j = i; j > from && compareAt(k, p, j - 1, j) > 0; j--) {
        swap(k, p, j - 1, j);
      }
    }
  }

  private static int median(long[] k, int[] p, int a, int b, int c) {
    if (compareAt(k, p, a, b) < 0) {
      if (compareAt(k, p, b, c) < 0) {
        return b;
      }
      return compareAt(k, p, a, c) < 0 ? c : a;
    }
    if (compareAt(k, p, a, c) < 0) {
      return a;
    }
    return compareAt(k, p, b, c) < 0 ? c : b;
  }

  private static int compareAt(long[] k, int[] p, int i, int j) {
    return compare(k[2 * i], k[2 * i + 1], p[i], k[2 * j], k[2 * j + 1], p[j]);
  }

  private static int compare(long h1, long l1, int p1, long h2, long l2, int p2) {
    if (h1 != h2) {
      return h1 < h2 ? -1 : 1;
    }
    if (l1 != l2) {
      return l1 < l2 ? -1 : 1;
    }
    return Integer.compare(p1, p2);
  }

  private static void swap(long[] k, int[] p, int i, int j) {
    long h = k[2 * i];
    long l = k[2 * i + 1];
    int q = p[i];
    k[2 * i] = k[2 * j];
    k[2 * i + 1] = k[2 * j + 1];
    p[i] = p[j];
    k[2 * j] = h;
    k[2 * j + 1] = l;
    p[j] = q;
  }

  /**
   * Keeps one of each run of equal (hi, lo, payload), compacting in place, and rewrites the
   * directory to match; returns the new count. Equal entries are always in the same bucket.
   */
  private static int dedupe(long[] k, int[] p, int[] dir) {
    int w = 0;
    for (int b = 0; b + 1 < dir.length; b++) {
      int start = dir[b];
      int end = dir[b + 1];
      dir[b] = w;
      for (int i = start; i < end; i++) {
        if (i > start && compareAt(k, p, w - 1, i) == 0) {
          continue;
        }
        k[2 * w] = k[2 * i];
        k[2 * w + 1] = k[2 * i + 1];
        p[w] = p[i];
        w++;
      }
    }
    dir[dir.length - 1] = w;
    return w;
  }
}
