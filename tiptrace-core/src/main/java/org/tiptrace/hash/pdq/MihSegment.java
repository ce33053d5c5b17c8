package org.tiptrace.hash.pdq;

/**
 * An immutable block of hashes with a multi-index over its 16 slots; only the deletion marks
 * change, under the owning index's write lock.
 *
 * <p><b>Map.</b> Multi-index hashing [1] with a pair filter, exact by two nested pigeonhole
 * arguments:
 *
 * <ol>
 *   <li>Split the 256 bits into 16 slots of 16 bits (slot = DCT row) and keep one table per slot:
 *       slot value → rows with that value (compressed-row layout: {@code offsets}, {@code entries},
 *       rows ascending inside a bucket) [1, 2 §4.2]. Small segments bucket on the top {@link
 *       #keyBits} bits of the slot only (8–16 rows a bucket) and keep the remaining low bits in the
 *       entry, so the slot distance is still known exactly before anything else is read.
 *   <li>Group the slots into 8 pairs {@code (2p, 2p+1)}. A hash within {@code d} of the query has a
 *       pair whose two slot distances sum to at most {@code s2 = ⌊d/8⌋} (8 pairs, total ≤ d), and
 *       the closer slot of that pair is within {@code r = ⌊s2/2⌋ = ⌊d/16⌋}, the usual MIH probe
 *       radius. So probing every table with all values within {@code r} still finds every match.
 *   <li>Each table entry is one int: the row in the high {@code 32 − f} bits and the low {@code f}
 *       bits of the <em>partner</em> slot in the rest, {@code f = min(16, 32 − ⌈log2 n⌉)}, at least
 *       12 because a segment holds at most 2^20 rows. A candidate found at slot distance {@code e}
 *       is dropped unless {@code e + popcount(partner bits ⊕ query's) ≤ s2}; for the witnessing
 *       pair this always holds (some of the partner's bits can only show fewer differences than all
 *       16), so no match is lost, while about 98 % (f = 12) of the random candidates of plain MIH
 *       never touch the 32-byte code. It costs no memory: the bits ride in the int next to the row.
 *   <li>Survivors are checked on the full 256 bits. A match can surface from several tables; it is
 *       reported only from the first table (in slot order) whose probe and filter it passes, which
 *       is recomputed from its code, so no set is needed to remove duplicates.
 * </ol>
 *
 * <p>Trade-offs: 4 bytes per slot per row plus at most about 4 bytes per row of bucket offsets (4
 * MiB for a full 2^20-row segment), for at most 272 probes at {@code d ≤ 31}. For large radii the
 * probe count grows ({@code r = 4}: 40,272) and the owning index scans instead (cost model in
 * {@link PdqIndex}).
 *
 * <p>References: [1] M. Norouzi, A. Punjani, D. J. Fleet, "Fast Exact Search in Hamming Space with
 * Multi-Index Hashing", IEEE TPAMI 2014; [2] {@code shared/reference/pdq.md} §4.2.
 */
final class MihSegment {

  static final int SLOTS = 16;
  static final int VALUES = 1 << 16;

  /**
   * Rows per segment: 20 bits leave 12 partner bits in each entry. Larger sets use several
   * segments; at 10 M rows this was faster than one 2^24-row segment with 8-bit filters (fewer code
   * reads outweigh 10× more bucket probes).
   */
  static final int MAX_ROWS = 1 << 20;

  /** All 16-bit values sorted by popcount; {@code BALL_END[r]} = how many have popcount ≤ r. */
  static final char[] BALL = new char[VALUES];

  static final int[] BALL_END = new int[17];

  static {
    int k = 0;
    for (int pc = 0; pc <= 16; pc++) {
      for (int v = 0; v < VALUES; v++) {
        if (Integer.bitCount(v) == pc) {
          BALL[k++] = (char) v;
        }
      }
      BALL_END[pc] = k;
    }
  }

  final int n;

  /**
   * Bucket key = the top {@code keyBits} of a slot; the other {@code lowBits} ride in the entry.
   */
  private final int keyBits;

  private final int lowBits;
  private final int lowMask;

  /** Partner bits per entry ({@code f} above) and their mask. */
  private final int filterBits;

  private final int filterMask;
  final long[] codes;
  final long[] ids;
  private final int[] offsets;
  private final int[] entries;
  private final long[] deleted;
  private int deletedCount;

  /**
   * Bits of a slot used as bucket key for a segment of {@code n} rows: {@code ⌈log2 n⌉ − 4},
   * between 4 and 16, i.e. 8–16 rows a bucket, so the offsets cost at most about 8 bytes per row
   * however small the segment (a full 16-bit directory is 4 MiB); from 2^19 rows on it is the full
   * slot.
   */
  static int keyBits(int n) {
    int ceilLog = 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1));
    return Math.max(4, Math.min(16, ceilLog - 4));
  }

  /** Builds from {@code n} rows; {@code codes} holds 4 words per row, {@code w0} first. */
  MihSegment(long[] codes, long[] ids, int n) {
    if (n > MAX_ROWS) {
      throw new IllegalArgumentException("segment too large: " + n + " > " + MAX_ROWS);
    }
    this.n = n;
    int rowBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1)));
    this.keyBits = keyBits(n);
    this.lowBits = 16 - keyBits;
    this.lowMask = (1 << lowBits) - 1;
    this.filterBits = Math.min(16, 32 - rowBits - lowBits);
    this.filterMask = (1 << filterBits) - 1;
    this.codes = codes;
    this.ids = ids;
    this.deleted = new long[(n + 63) >>> 6];
    int buckets = 1 << keyBits;
    this.offsets = new int[SLOTS * (buckets + 1)];
    this.entries = new int[SLOTS * n];
    int[] cursor = new int[buckets];
    int rowShift = lowBits + filterBits;
    for (int t = 0; t < SLOTS; t++) {
      int base = t * (buckets + 1);
      for (int row = 0; row < n; row++) {
        offsets[base + (slot(codes, row, t) >>> lowBits) + 1]++;
      }
      for (int k = 0; k < buckets; k++) {
        offsets[base + k + 1] += offsets[base + k];
      }
      System.arraycopy(offsets, base, cursor, 0, buckets);
      int partner = t ^ 1;
      int entryBase = t * n;
      for (int row = 0; row < n; row++) {
        int v = slot(codes, row, t);
        entries[entryBase + cursor[v >>> lowBits]++] =
            (row << rowShift)
                | ((v & lowMask) << filterBits)
                | (slot(codes, row, partner) & filterMask);
      }
    }
  }

  static int slot(long[] codes, int row, int t) {
    return (int) (codes[(row << 2) + (t >>> 2)] >>> ((t & 3) << 4)) & 0xFFFF;
  }

  int live() {
    return n - deletedCount;
  }

  boolean isDeleted(int row) {
    return (deleted[row >>> 6] & (1L << row)) != 0;
  }

  /**
   * Marks every live row with {@code id} deleted; returns how many. Caller holds the write lock.
   */
  int delete(long id) {
    int removed = 0;
    for (int row = 0; row < n; row++) {
      if (ids[row] == id && !isDeleted(row)) {
        deleted[row >>> 6] |= 1L << row;
        deletedCount++;
        removed++;
      }
    }
    return removed;
  }

  /** Bytes held by this segment's arrays (headers ignored). */
  long memoryBytes() {
    return 8L * codes.length
        + 8L * ids.length
        + 4L * offsets.length
        + 4L * entries.length
        + 8L * deleted.length;
  }

  /** Multi-index search; every live row within {@code d} goes to {@code sink}. */
  void searchMih(long q0, long q1, long q2, long q3, int d, MatchSink sink) {
    int r = d >>> 4;
    int s2 = d >>> 3;
    int[] qs = querySlots(q0, q1, q2, q3);
    // Bucket keys within r of the query's key bits (a slot within r has its key bits within r).
    int buckets = 1 << keyBits;
    int ballEnd = BALL_END[Math.min(r, 16)];
    int[] masks = new int[Math.min(ballEnd, buckets)];
    int m = 0;
    for (int b = 0; b < ballEnd && m < masks.length; b++) {
      if (BALL[b] < buckets) {
        masks[m++] = BALL[b];
      }
    }
    // Phase 1 gathers every bucket range first: the loads are independent, so the CPU overlaps
    // their cache misses instead of waiting for each before scanning its bucket.
    int[] lo = new int[SLOTS * m];
    int[] hi = new int[SLOTS * m];
    for (int t = 0, p = 0; t < SLOTS; t++) {
      int base = t * (buckets + 1);
      int qKey = qs[t] >>> lowBits;
      for (int b = 0; b < m; b++, p++) {
        int key = qKey ^ masks[b];
        lo[p] = offsets[base + key];
        hi[p] = offsets[base + key + 1];
      }
    }
    int rowShift = lowBits + filterBits;
    for (int t = 0, p = 0; t < SLOTS; t++) {
      int qLow = qs[t] & lowMask;
      int qp = qs[t ^ 1] & filterMask;
      int entryBase = t * n;
      for (int b = 0; b < m; b++, p++) {
        int eKey = Integer.bitCount(masks[b]);
        for (int i = lo[p], end = hi[p]; i < end; i++) {
          int ent = entries[entryBase + i];
          int e = eKey + Integer.bitCount(((ent >>> filterBits) ^ qLow) & lowMask);
          if (e > r || e + Integer.bitCount((ent ^ qp) & filterMask) > s2) {
            continue;
          }
          int row = ent >>> rowShift;
          int c = row << 2;
          int dist =
              Long.bitCount(codes[c] ^ q0)
                  + Long.bitCount(codes[c + 1] ^ q1)
                  + Long.bitCount(codes[c + 2] ^ q2)
                  + Long.bitCount(codes[c + 3] ^ q3);
          if (dist > d || isDeleted(row) || firstTable(row, qs, r, s2) != t) {
            continue;
          }
          sink.accept(ids[row], dist);
        }
      }
    }
  }

  /** The first table in which {@code row} passes probe radius and pair filter. */
  private int firstTable(int row, int[] qs, int r, int s2) {
    for (int t = 0; t < SLOTS; t++) {
      int e = Integer.bitCount(slot(codes, row, t) ^ qs[t]);
      if (e <= r
          && e + Integer.bitCount((slot(codes, row, t ^ 1) ^ qs[t ^ 1]) & filterMask) <= s2) {
        return t;
      }
    }
    return -1;
  }

  static int[] querySlots(long q0, long q1, long q2, long q3) {
    int[] qs = new int[SLOTS];
    long[] w = {q0, q1, q2, q3};
    for (int t = 0; t < SLOTS; t++) {
      qs[t] = (int) (w[t >>> 2] >>> ((t & 3) << 4)) & 0xFFFF;
    }
    return qs;
  }

  /** Linear scan of this segment. */
  void searchScan(long q0, long q1, long q2, long q3, int d, MatchSink sink) {
    for (int row = 0, c = 0; row < n; row++, c += 4) {
      int dist =
          Long.bitCount(codes[c] ^ q0)
              + Long.bitCount(codes[c + 1] ^ q1)
              + Long.bitCount(codes[c + 2] ^ q2)
              + Long.bitCount(codes[c + 3] ^ q3);
      if (dist <= d && !isDeleted(row)) {
        sink.accept(ids[row], dist);
      }
    }
  }

  /** Receives (id, distance) pairs. */
  @FunctionalInterface
  interface MatchSink {
    void accept(long id, int distance);
  }
}
