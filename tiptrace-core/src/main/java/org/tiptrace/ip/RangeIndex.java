package org.tiptrace.ip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Sorted, non-overlapping address ranges of one family with a value each, searched by binary search
 * over 128-bit keys (IPv4 keys use the low word). Built once, then read-only and thread-safe.
 *
 * <p>Why sorted arrays and not a trie: lists of a few hundred thousand CIDRs become a few compact
 * {@code long[]}, a lookup is {@code log2(n)} comparisons with no allocation, and CSV range files
 * (start, end) need not be CIDR-aligned.
 */
final class RangeIndex<T> {
  private final long[] startHi;
  private final long[] startLo;
  private final long[] endHi;
  private final long[] endLo;
  private final Object[] values;

  private RangeIndex(long[] sh, long[] sl, long[] eh, long[] el, Object[] values) {
    this.startHi = sh;
    this.startLo = sl;
    this.endHi = eh;
    this.endLo = el;
    this.values = values;
  }

  /** One input range; {@code start <= end}, both of the same family. */
  record Range<T>(byte[] start, byte[] end, T value) {}

  int size() {
    return values.length;
  }

  /**
   * Builds the index. Overlaps are merged when {@code mergeOverlaps} (membership lists: the value
   * of the first range is kept); otherwise an overlap is an error naming both ranges.
   */
  static <T> RangeIndex<T> build(List<Range<T>> input, boolean mergeOverlaps) {
    List<Range<T>> ranges = new ArrayList<>(input);
    ranges.sort(Comparator.comparing((Range<T> r) -> r.start(), RangeIndex::compare));
    List<long[]> keys = new ArrayList<>();
    List<Object> vals = new ArrayList<>();
    Range<T> last = null;
    for (Range<T> r : ranges) {
      if (compare(r.start(), r.end()) > 0) {
        throw new IllegalArgumentException(
            "range start "
                + IpAddresses.format(r.start())
                + " is after its end "
                + IpAddresses.format(r.end()));
      }
      long[] k = {hi(r.start()), lo(r.start()), hi(r.end()), lo(r.end())};
      if (last != null && compare(r.start(), last.end()) <= 0) {
        if (!mergeOverlaps) {
          throw new IllegalArgumentException(
              "overlapping ranges "
                  + IpAddresses.format(last.start())
                  + "-"
                  + IpAddresses.format(last.end())
                  + " and "
                  + IpAddresses.format(r.start())
                  + "-"
                  + IpAddresses.format(r.end()));
        }
        long[] prev = keys.get(keys.size() - 1);
        if (compare(r.end(), last.end()) > 0) {
          prev[2] = k[2];
          prev[3] = k[3];
          last = new Range<>(last.start(), r.end(), last.value());
        }
        continue;
      }
      keys.add(k);
      vals.add(r.value());
      last = r;
    }
    int n = keys.size();
    long[] sh = new long[n];
    long[] sl = new long[n];
    long[] eh = new long[n];
    long[] el = new long[n];
    for (int i = 0; i < n; i++) {
      long[] k = keys.get(i);
      sh[i] = k[0];
      sl[i] = k[1];
      eh[i] = k[2];
      el[i] = k[3];
    }
    return new RangeIndex<>(sh, sl, eh, el, vals.toArray());
  }

  /** The value of the range holding {@code address}, if any. */
  @SuppressWarnings("unchecked")
  Optional<T> find(byte[] address) {
    int i = indexOf(address);
    return i < 0 ? Optional.empty() : Optional.of((T) values[i]);
  }

  boolean contains(byte[] address) {
    return indexOf(address) >= 0;
  }

  private int indexOf(byte[] address) {
    long h = hi(address);
    long l = lo(address);
    int low = 0;
    int high = values.length - 1;
    int candidate = -1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (cmp(startHi[mid], startLo[mid], h, l) <= 0) {
        candidate = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    if (candidate >= 0 && cmp(h, l, endHi[candidate], endLo[candidate]) <= 0) {
      return candidate;
    }
    return -1;
  }

  private static int cmp(long h1, long l1, long h2, long l2) {
    int c = Long.compareUnsigned(h1, h2);
    return c != 0 ? c : Long.compareUnsigned(l1, l2);
  }

  static int compare(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }

  private static long hi(byte[] a) {
    return a.length == 4 ? 0 : word(a, 0);
  }

  private static long lo(byte[] a) {
    if (a.length == 4) {
      return ((a[0] & 0xffL) << 24)
          | ((a[1] & 0xffL) << 16)
          | ((a[2] & 0xffL) << 8)
          | (a[3] & 0xffL);
    }
    return word(a, 8);
  }

  private static long word(byte[] a, int from) {
    long v = 0;
    for (int i = from; i < from + 8; i++) {
      v = (v << 8) | (a[i] & 0xffL);
    }
    return v;
  }
}
