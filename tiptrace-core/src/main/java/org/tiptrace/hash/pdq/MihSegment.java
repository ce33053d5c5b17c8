package org.tiptrace.hash.pdq;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An immutable block of hashes with a multi-index over its 8 slot pairs, in at most {@value
 * #BUDGET_BYTES} bytes per row; only the deletion marks change, under the owning index's write
 * lock.
 *
 * <p><b>Map.</b> Multi-index hashing [1] on slot pairs, exact by pigeonhole:
 *
 * <ol>
 *   <li>The 256 bits are 16 slots of 16 bits (slot = DCT row), grouped into 8 pairs {@code (2p,
 *       2p+1)}. A hash within {@code d} of the query has a pair whose two slot distances sum to at
 *       most {@code s2 = ⌊d/8⌋} (8 pairs, total ≤ d), so its <em>key</em> slot {@code 2p} is within
 *       {@code s2}. One table per pair, keyed on slot {@code 2p}, probed with every key within
 *       {@code s2} (697 buckets at {@code d = 31}), finds every match [1, 2 §4.2].
 *   <li>Buckets use the top {@code K = ⌈log2 n⌉ − 4} bits of the key slot (8–16 rows a bucket, 2
 *       bytes per row of offsets for all 8 tables); the low {@code 16 − K} key bits ride in the
 *       entry, so the key's distance is known exactly before anything else is read.
 *   <li>Pair filter: besides row and low key bits, an entry holds the low {@code f} bits of the
 *       <em>partner</em> slot {@code 2p+1}; a candidate at key distance {@code e} is dropped unless
 *       {@code e + popcount(partner bits ⊕ query's) ≤ s2}. For the witnessing pair this always
 *       holds, so no match is lost; survivors are checked on all 256 bits.
 *   <li>Memory: rows are stored sorted by the key of pair 0, so table 0 needs no entries (a bucket
 *       is a run of rows) and keeps only the partner slot per row (2 bytes, an exact filter).
 *       Tables 1–7 are bit-packed entries of {@code W = rowBits + lowBits + f} bits, where {@code
 *       f} (0–16) is whatever fits the budget after code (32), id (4 when the segment's ids span
 *       less than 2^32, else 8), partner (2), offsets (~2) and deletion bits. At 2^20 rows with
 *       32-bit ids that is {@code f = 7}; with 64-bit ids {@code f = 2}, still exact but with more
 *       candidates to verify.
 *   <li>A match can surface from several tables; it is reported only from the first table whose
 *       probe and filter it passes, recomputed from its code, so no set is needed to remove
 *       duplicates.
 * </ol>
 *
 * <p>Trade-offs against the previous 16-table layout (108 bytes per row, decision 0004): one table
 * per pair instead of per slot halves the tables and the packing removes the unused bits, but the
 * probe radius rises from {@code ⌊d/16⌋} to {@code ⌊d/8⌋}, so a query probes about 20× more
 * (smaller) buckets. For large radii the owning index scans instead (cost model in {@link
 * PdqIndex}).
 *
 * <p>References: [1] M. Norouzi, A. Punjani, D. J. Fleet, "Fast Exact Search in Hamming Space with
 * Multi-Index Hashing", IEEE TPAMI 2014; [2] {@code shared/reference/pdq.md} §4.2.
 */
final class MihSegment implements Segment {

  static final int SLOTS = 16;
  static final int TABLES = 8;
  static final int VALUES = 1 << 16;

  /** Issue 3's memory goal, per row, that the filter width is chosen to meet. */
  static final int BUDGET_BYTES = 64;

  /** Rows per segment: 20 row bits per entry. Larger sets use several segments. */
  static final int MAX_ROWS = 1 << 20;

  /** All 16-bit values sorted by popcount; {@code BALL_END[r]} = how many have popcount ≤ r. */
  static final char[] BALL = new char[VALUES];

  static final int[] BALL_END = new int[17];

  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

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

  /** Bucket key = the top {@code keyBits} of a key slot; the other {@code lowBits} ride along. */
  private final int keyBits;

  private final int lowBits;
  private final int lowMask;
  private final int rowBits;

  /** Partner bits per entry ({@code f} above), their mask, and the entry width {@code W}. */
  private final int filterBits;

  private final int filterMask;
  private final int entryBits;
  private final long entryMask;

  /** Four words per row, {@code w0} first, rows sorted by the key of pair 0. */
  private final long[] codes;

  /** Ids as {@code idBase + (idOffsets[row] & 0xFFFFFFFF)}, or in {@code idsWide}. */
  private final long idBase;

  private final int[] idOffsets;
  private final long[] idsWide;

  /** Slot 1 of each row: table 0's exact partner filter. */
  private final char[] partner0;

  /** {@code TABLES × (2^keyBits + 1)} bucket starts. */
  private final int[] offsets;

  /** Tables 1–7, {@code n} entries of {@code entryBits} each, back to back, plus 8 bytes pad. */
  private final byte[] entries;

  private final RowDeletions deleted;

  /** Written so the JIT keeps the touching loads in {@link #searchMih}; never read. */
  @SuppressWarnings("unused")
  private static int touchSink;

  /**
   * Bits of a slot used as bucket key for a segment of {@code n} rows: {@code ⌈log2 n⌉ − 4},
   * between 4 and 16, i.e. 8–16 rows a bucket, so the 8 tables' offsets cost about 2 bytes a row.
   */
  static int keyBits(int n) {
    int ceilLog = 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1));
    return Math.max(4, Math.min(16, ceilLog - 4));
  }

  /**
   * Builds from {@code n} rows; {@code codes} holds 4 words per row, {@code w0} first. The arrays
   * are read, not kept.
   */
  MihSegment(long[] codes, long[] ids, int n) {
    if (n > MAX_ROWS) {
      throw new IllegalArgumentException("segment too large: " + n + " > " + MAX_ROWS);
    }
    this.n = n;
    this.rowBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1)));
    this.keyBits = keyBits(n);
    this.lowBits = 16 - keyBits;
    this.lowMask = (1 << lowBits) - 1;
    int buckets = 1 << keyBits;
    this.offsets = new int[TABLES * (buckets + 1)];
    this.deleted = new RowDeletions(n);

    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      min = Math.min(min, ids[i]);
      max = Math.max(max, ids[i]);
    }
    boolean narrow = n == 0 || (max - min >= 0 && max - min <= 0xFFFF_FFFFL);
    int idBytes = narrow ? 4 : 8;

    // Filter width: what the budget leaves for tables 1–7 after everything else.
    double fixed =
        32 + idBytes + 2 + (4.0 * offsets.length + deleted.memoryBytes()) / Math.max(1, n);
    int width = (int) Math.floor((BUDGET_BYTES - fixed) * 8 / (TABLES - 1));
    this.filterBits = Math.max(0, Math.min(16, width - rowBits - lowBits));
    this.filterMask = (1 << filterBits) - 1;
    this.entryBits = rowBits + lowBits + filterBits;
    this.entryMask = (1L << entryBits) - 1;

    // Rows sorted by pair 0's bucket key (counting sort): table 0 is then implicit.
    for (int row = 0; row < n; row++) {
      offsets[(slot(codes, row, 0) >>> lowBits) + 1]++;
    }
    for (int k = 0; k < buckets; k++) {
      offsets[k + 1] += offsets[k];
    }
    int[] cursor = new int[buckets];
    System.arraycopy(offsets, 0, cursor, 0, buckets);
    this.codes = new long[4 * n];
    this.idBase = narrow ? (n == 0 ? 0 : min) : 0;
    this.idOffsets = narrow ? new int[n] : new int[0];
    this.idsWide = narrow ? new long[0] : new long[n];
    this.partner0 = new char[n];
    for (int row = 0; row < n; row++) {
      int to = cursor[slot(codes, row, 0) >>> lowBits]++;
      System.arraycopy(codes, 4 * row, this.codes, 4 * to, 4);
      if (narrow) {
        idOffsets[to] = (int) (ids[row] - idBase);
      } else {
        idsWide[to] = ids[row];
      }
      partner0[to] = (char) slot(codes, row, 1);
    }

    this.entries = new byte[(int) (((long) (TABLES - 1) * n * entryBits + 7) >>> 3) + 8];
    int rowShift = lowBits + filterBits;
    for (int t = 1; t < TABLES; t++) {
      int base = t * (buckets + 1);
      int key = 2 * t;
      int partner = key + 1;
      for (int row = 0; row < n; row++) {
        offsets[base + (slot(this.codes, row, key) >>> lowBits) + 1]++;
      }
      for (int k = 0; k < buckets; k++) {
        offsets[base + k + 1] += offsets[base + k];
      }
      System.arraycopy(offsets, base, cursor, 0, buckets);
      long entryBase = (long) (t - 1) * n;
      for (int row = 0; row < n; row++) {
        int v = slot(this.codes, row, key);
        long entry =
            ((long) row << rowShift)
                | ((long) (v & lowMask) << filterBits)
                | (slot(this.codes, row, partner) & filterMask);
        putEntry(entryBase + cursor[v >>> lowBits]++, entry);
      }
    }
  }

  private void putEntry(long index, long entry) {
    long bit = index * entryBits;
    int at = (int) (bit >>> 3);
    long word = (long) LONG_LE.get(entries, at);
    LONG_LE.set(entries, at, word | (entry << (bit & 7)));
  }

  private long entry(long index) {
    long bit = index * entryBits;
    return ((long) LONG_LE.get(entries, (int) (bit >>> 3)) >>> (bit & 7)) & entryMask;
  }

  static int slot(long[] codes, int row, int t) {
    return (int) (codes[(row << 2) + (t >>> 2)] >>> ((t & 3) << 4)) & 0xFFFF;
  }

  @Override
  public int rows() {
    return n;
  }

  @Override
  public boolean mihCheaper(int d) {
    if (d >>> 3 > 8) {
      return false;
    }
    double probes = (double) TABLES * probesPerTable(n, d);
    double bucket = n / (double) (1 << keyBits(n));
    return probes * (8 + bucket) < n;
  }

  @Override
  public long word(int row, int w) {
    return codes[4 * row + w];
  }

  @Override
  public long id(int row) {
    return idsWide.length == 0 ? idBase + (idOffsets[row] & 0xFFFF_FFFFL) : idsWide[row];
  }

  /** Partner bits per table-1–7 entry; package-private for tests. */
  int filterBits() {
    return filterBits;
  }

  @Override
  public int live() {
    return deleted.live();
  }

  @Override
  public boolean isDeleted(int row) {
    return deleted.isDeleted(row);
  }

  /**
   * Marks every live row with {@code id} deleted; returns how many. Caller holds the write lock.
   */
  @Override
  public int delete(long id) {
    return deleted.delete(id, this::id);
  }

  /** Bytes held by this segment's arrays (headers ignored). */
  @Override
  public long memoryBytes() {
    return 8L * codes.length
        + 4L * idOffsets.length
        + 8L * idsWide.length
        + 2L * partner0.length
        + 4L * offsets.length
        + entries.length
        + deleted.memoryBytes();
  }

  /** Buckets probed per table at radius {@code d} for a segment of {@code n} rows. */
  static int probesPerTable(int n, int d) {
    int s2 = Math.min(16, d >>> 3);
    int k = keyBits(n);
    long count = 0;
    long binom = 1;
    for (int i = 0; i <= Math.min(s2, k); i++) {
      count += binom;
      binom = binom * (k - i) / (i + 1);
    }
    return (int) count;
  }

  @Override
  public void searchMih(long q0, long q1, long q2, long q3, int d, MatchSink sink) {
    if (n == 0) {
      return;
    }
    int s2 = d >>> 3;
    int[] qs = querySlots(q0, q1, q2, q3);
    // Bucket keys within s2 of the query's key bits (a slot within s2 has its key bits within s2).
    int buckets = 1 << keyBits;
    int ballEnd = BALL_END[Math.min(s2, 16)];
    int[] masks = new int[Math.min(ballEnd, buckets)];
    int m = 0;
    for (int b = 0; b < ballEnd && m < masks.length; b++) {
      if (BALL[b] < buckets) {
        masks[m++] = BALL[b];
      }
    }
    // Bucket ranges are gathered first: the loads are independent, so the CPU overlaps their
    // cache misses instead of waiting for each before scanning its bucket.
    int[] lo = new int[TABLES * m];
    int[] hi = new int[TABLES * m];
    for (int t = 0, p = 0; t < TABLES; t++) {
      int base = t * (buckets + 1);
      int qKey = qs[2 * t] >>> lowBits;
      for (int b = 0; b < m; b++, p++) {
        int key = qKey ^ masks[b];
        lo[p] = offsets[base + key];
        hi[p] = offsets[base + key + 1];
      }
    }
    // Touch both ends of every probed bucket before scanning any: the loads are independent, so
    // their cache misses overlap (Java has no prefetch instruction), and the scans below then
    // mostly hit the cache. A bucket of 8–16 entries often straddles two cache lines.
    int total = TABLES * m;
    int touched = 0;
    for (int p = 0; p < total; p++) {
      touched += touch(p, m, lo, hi);
    }
    touchSink = touched;
    // Candidates are collected first and verified after, so that their code reads (random cache
    // misses) are independent and overlap.
    int[] cand = new int[256];
    int c = 0;
    // Table 0: rows of a bucket are contiguous; filter on the whole partner slot.
    int qp0 = qs[1];
    for (int b = 0; b < m; b++) {
      int budget = s2 - Integer.bitCount(masks[b]);
      for (int row = lo[b], end = hi[b]; row < end; row++) {
        if (Integer.bitCount(partner0[row] ^ qp0) <= budget) {
          if (c == cand.length) {
            cand = Arrays.copyOf(cand, 2 * c);
          }
          cand[c++] = row << 3;
        }
      }
    }
    int rowShift = lowBits + filterBits;
    for (int t = 1, p = m; t < TABLES; t++) {
      int qLow = qs[2 * t] & lowMask;
      int qp = qs[2 * t + 1] & filterMask;
      // Entry bits [filter | low key] compared at once: low key bits sit above the filter bits.
      long qBits = ((long) qLow << filterBits) | qp;
      long bitsMask = (1L << rowShift) - 1;
      long entryBase = (long) (t - 1) * n;
      for (int b = 0; b < m; b++, p++) {
        int budget = s2 - Integer.bitCount(masks[b]);
        long bit = (entryBase + lo[p]) * entryBits;
        for (int i = lo[p], end = hi[p]; i < end; i++, bit += entryBits) {
          long ent = ((long) LONG_LE.get(entries, (int) (bit >>> 3)) >>> (bit & 7)) & entryMask;
          if (Long.bitCount((ent ^ qBits) & bitsMask) <= budget) {
            if (c == cand.length) {
              cand = Arrays.copyOf(cand, 2 * c);
            }
            cand[c++] = ((int) (ent >>> rowShift) << 3) | t;
          }
        }
      }
    }
    for (int k = 0; k < c; k++) {
      verify(cand[k] >>> 3, cand[k] & 7, q0, q1, q2, q3, qs, d, s2, sink);
    }
  }

  /** Loads the first and last byte of probed bucket {@code p} (table {@code p / m}). */
  private int touch(int p, int m, int[] lo, int[] hi) {
    int a = lo[p];
    int z = hi[p];
    if (a >= z) {
      return 0;
    }
    int t = p / m;
    if (t == 0) {
      return partner0[a] + partner0[z - 1];
    }
    long entryBase = (long) (t - 1) * n;
    return entries[(int) (((entryBase + a) * entryBits) >>> 3)]
        + entries[(int) (((entryBase + z) * entryBits - 1) >>> 3)];
  }

  private void verify(
      int row, int t, long q0, long q1, long q2, long q3, int[] qs, int d, int s2, MatchSink sink) {
    int c = row << 2;
    int dist =
        Long.bitCount(codes[c] ^ q0)
            + Long.bitCount(codes[c + 1] ^ q1)
            + Long.bitCount(codes[c + 2] ^ q2)
            + Long.bitCount(codes[c + 3] ^ q3);
    if (dist <= d && !isDeleted(row) && firstTable(row, qs, s2) == t) {
      sink.accept(id(row), dist);
    }
  }

  /** The first table whose probe and filter {@code row} passes: the same tests as the search. */
  private int firstTable(int row, int[] qs, int s2) {
    if (Integer.bitCount((slot(codes, row, 0) ^ qs[0]) >>> lowBits)
            + Integer.bitCount(slot(codes, row, 1) ^ qs[1])
        <= s2) {
      return 0;
    }
    for (int t = 1; t < TABLES; t++) {
      int e =
          Integer.bitCount(slot(codes, row, 2 * t) ^ qs[2 * t])
              + Integer.bitCount((slot(codes, row, 2 * t + 1) ^ qs[2 * t + 1]) & filterMask);
      if (e <= s2) {
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

  @Override
  public void searchScan(long q0, long q1, long q2, long q3, int d, MatchSink sink) {
    for (int row = 0, c = 0; row < n; row++, c += 4) {
      int dist =
          Long.bitCount(codes[c] ^ q0)
              + Long.bitCount(codes[c + 1] ^ q1)
              + Long.bitCount(codes[c + 2] ^ q2)
              + Long.bitCount(codes[c + 3] ^ q3);
      if (dist <= d && !isDeleted(row)) {
        sink.accept(id(row), dist);
      }
    }
  }
}
