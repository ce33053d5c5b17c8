package org.tiptrace.hash.pdq;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An immutable block of at most {@value #MAX_ROWS} hashes with a multi-index over all 16 slots;
 * only the deletion marks change, under the owning index's write lock. The fastest layout of {@link
 * PdqIndex} ({@code Layout.SLOT_TABLES}); {@link BlockSegment} keeps its probes in fewer bytes.
 *
 * <p><b>Map.</b> Multi-index hashing [1] with a pair filter, exact by pigeonhole:
 *
 * <ol>
 *   <li>The 256 bits are 16 slots of 16 bits, grouped into 8 pairs {@code (2p, 2p+1)}. A hash
 *       within {@code d} of the query has a pair whose two slot distances sum to at most {@code s2
 *       = ⌊d/8⌋}, so the smaller of the two is within {@code s1 = ⌊d/16⌋}. One table per slot,
 *       probed with every key within {@code s1} (17 keys at {@code d = 31}), finds every match; a
 *       candidate from table {@code t} is kept only if its pair is within {@code s2} (about 0.2 %
 *       of random candidates at {@code d = 31}), then checked on all 256 bits [1, 2 §4.2].
 *   <li>Table {@code t} is a directory on the top {@code K = ⌈log2 n⌉ − 4} bits of slot {@code t}
 *       (about 16 rows a bucket) over packed 20-bit entries sorted by those bits: the row ({@code
 *       ⌈log2 n⌉} bits) and the slot's {@code 16 − K} low bits, so the exact key distance is known
 *       without loading the row's code; only entries within {@code s1} load it (for the pair
 *       filter, one 64-bit word holds the slot and its partner). Rows are stored sorted by slot 0's
 *       bucket, so table 0 needs no entries.
 *   <li>Directory starts are an int per block of 64 buckets plus a char offset per bucket (about
 *       2.2 bytes a row for the 16 tables); a block spanning 2^16 entries or more (heavily
 *       clustered data) makes the segment keep plain int starts instead (about 4.2 bytes a row).
 *   <li>Ids are offsets from the segment's smallest id: 2 bytes when the segment's ids span less
 *       than 2^16, 4 when less than 2^32, else 8; they live apart from the arrays the search scans.
 *   <li>A match can surface from several tables; it is reported only from the first table whose
 *       probe and filter it passes, recomputed from its code, so no set is needed.
 * </ol>
 *
 * <p>Memory per row at 2^20 rows: 32 (code) + 15 × 20 bits (37.5) + directory (2.2) + ids (4 when
 * they span less than 2^32) + a deletion bit: 75.8 bytes, over issue 3's 64. The 2-byte-row variant
 * (segments of 65,535 rows, no key bits in the entries) fits 64 bytes without ids but measured 343
 * queries per CPU-second at 1 M (a random code load per entry, 16 × more bucket probes); decision
 * 0004 and {@code docs/benchmarks-pdq.md} have the comparison and {@link MihSegment} the layout
 * that fits 64 bytes.
 *
 * <p>References: [1] M. Norouzi, A. Punjani, D. J. Fleet, "Fast Exact Search in Hamming Space with
 * Multi-Index Hashing", IEEE TPAMI 2014; [2] {@code shared/reference/pdq.md} §4.2.
 */
final class SlotSegment implements Segment {

  static final int SLOTS = 16;

  /** Rows per segment: at most 20 row bits per entry. */
  static final int MAX_ROWS = 1 << 20;

  /**
   * Low bits of the pair partner slot kept in each entry of tables 1–15. None: at {@code d = 31}
   * fewer than 4 bits filter nothing (a candidate at key distance 1 may differ in 2 partner bits)
   * and every 4 bits cost 7.5 bytes a row; the search and build handle any width up to 16.
   */
  static final int FILTER_BITS = 0;

  /** Buckets per directory block: a block's starts are an int anchor plus char offsets. */
  private static final int BLOCK_SHIFT = 6;

  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  final int n;

  /** Bucket key = the top {@code keyBits} of a slot; {@code lowBits = 16 − keyBits}. */
  private final int keyBits;

  private final int lowBits;
  private final int rowBits;
  private final int entryBits;
  private final long entryMask;

  /** Four words per row, {@code w0} first, rows sorted by the top bits of slot 0. */
  private final long[] codes;

  /** Ids as {@code idBase + offset}, the offset in exactly one of the three arrays. */
  private final long idBase;

  private final char[] ids16;
  private final int[] ids32;
  private final long[] ids64;

  /**
   * Bucket starts of the 16 tables ({@code 2^keyBits + 1} each, table 0 first): {@code
   * anchors[block] + rel[bucket]} when every block of {@code 2^BLOCK_SHIFT} buckets spans fewer
   * than 2^16 entries, else {@code wide[bucket]}.
   */
  private final int[] anchors;

  private final char[] rel;
  private final int[] wide;

  /** Tables 1–15: {@code n} entries of {@code entryBits} each (row, low key bits, filter). */
  private final byte[] entries;

  private final RowDeletions deleted;

  /** Written so the JIT keeps the touching loads in {@link #searchMih}; never read. */
  @SuppressWarnings("unused")
  private static int touchSink;

  /** Directory bits for a segment of {@code n} rows: {@code ⌈log2 n⌉ − 4}, between 0 and 16. */
  static int keyBits(int n) {
    int ceilLog = 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1));
    return Math.max(0, Math.min(16, ceilLog - 4));
  }

  /**
   * Builds from {@code n} rows; {@code codes} holds 4 words per row, {@code w0} first. The arrays
   * are read, not kept.
   */
  SlotSegment(long[] codes, long[] ids, int n) {
    if (n > MAX_ROWS) {
      throw new IllegalArgumentException("segment too large: " + n + " > " + MAX_ROWS);
    }
    this.n = n;
    this.keyBits = keyBits(n);
    this.lowBits = 16 - keyBits;
    this.rowBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1)));
    this.entryBits = rowBits + lowBits + FILTER_BITS;
    this.entryMask = (1L << entryBits) - 1;
    int buckets = 1 << keyBits;
    int stride = buckets + 1;
    this.deleted = new RowDeletions(n);

    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      min = Math.min(min, ids[i]);
      max = Math.max(max, ids[i]);
    }
    long span = max - min; // negative when the span overflows a long
    int idBytes =
        n == 0 || (span >= 0 && span <= 0xFFFF) ? 2 : span >= 0 && span <= 0xFFFF_FFFFL ? 4 : 8;
    this.idBase = idBytes == 8 || n == 0 ? 0 : min;
    this.ids16 = new char[idBytes == 2 ? n : 0];
    this.ids32 = new int[idBytes == 4 ? n : 0];
    this.ids64 = new long[idBytes == 8 ? n : 0];

    int[] starts = new int[SLOTS * stride];
    // Rows sorted by slot 0's bucket key (counting sort): table 0 is then the rows themselves.
    int[] cursor = new int[buckets];
    countingStarts(codes, 0, starts, 0);
    System.arraycopy(starts, 0, cursor, 0, buckets);
    this.codes = new long[4 * n];
    for (int row = 0; row < n; row++) {
      int to = cursor[slot(codes, row, 0) >>> lowBits]++;
      System.arraycopy(codes, 4 * row, this.codes, 4 * to, 4);
      long offset = ids[row] - idBase;
      switch (idBytes) {
        case 2 -> ids16[to] = (char) offset;
        case 4 -> ids32[to] = (int) offset;
        default -> ids64[to] = ids[row];
      }
    }

    this.entries = new byte[(int) (((long) (SLOTS - 1) * n * entryBits + 7) >>> 3) + 8];
    int rowShift = lowBits + FILTER_BITS;
    long lowMask = (1L << lowBits) - 1;
    long filterMask = (1L << FILTER_BITS) - 1;
    for (int t = 1; t < SLOTS; t++) {
      int base = t * stride;
      countingStarts(this.codes, t, starts, base);
      System.arraycopy(starts, base, cursor, 0, buckets);
      long entryBase = (long) (t - 1) * n;
      for (int row = 0; row < n; row++) {
        int v = slot(this.codes, row, t);
        long entry =
            ((long) row << rowShift)
                | ((v & lowMask) << FILTER_BITS)
                | (slot(this.codes, row, t ^ 1) & filterMask);
        putEntry(entryBase + cursor[v >>> lowBits]++, entry);
      }
    }

    // Directory: int anchors per block plus char offsets, unless a block is too full.
    int blocksPerTable = (stride + (1 << BLOCK_SHIFT) - 1) >>> BLOCK_SHIFT;
    boolean fits = true;
    for (int t = 0; t < SLOTS && fits; t++) {
      for (int k = 0; k < stride; k++) {
        int anchor = starts[t * stride + (k & -(1 << BLOCK_SHIFT))];
        if (starts[t * stride + k] - anchor > 0xFFFF) {
          fits = false;
          break;
        }
      }
    }
    if (fits) {
      this.anchors = new int[SLOTS * blocksPerTable];
      this.rel = new char[SLOTS * stride];
      this.wide = new int[0];
      for (int t = 0; t < SLOTS; t++) {
        for (int k = 0; k < stride; k++) {
          int anchor = starts[t * stride + (k & -(1 << BLOCK_SHIFT))];
          if ((k & ((1 << BLOCK_SHIFT) - 1)) == 0) {
            anchors[t * blocksPerTable + (k >>> BLOCK_SHIFT)] = anchor;
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

  /** Bucket starts of table {@code t} (by the top bits of slot {@code t}) into {@code starts}. */
  private void countingStarts(long[] rows, int t, int[] starts, int base) {
    int buckets = 1 << keyBits;
    for (int row = 0; row < n; row++) {
      starts[base + (slot(rows, row, t) >>> lowBits) + 1]++;
    }
    for (int k = 0; k < buckets; k++) {
      starts[base + k + 1] += starts[base + k];
    }
  }

  private void putEntry(long index, long entry) {
    long bit = index * entryBits;
    int at = (int) (bit >>> 3);
    long word = (long) LONG_LE.get(entries, at);
    LONG_LE.set(entries, at, word | (entry << (bit & 7)));
  }

  /** Start of bucket {@code k} of table {@code t} (k may be {@code 2^keyBits}: the end). */
  private int start(int t, int k) {
    int stride = (1 << keyBits) + 1;
    if (wide.length != 0) {
      return wide[t * stride + k];
    }
    int blocksPerTable = (stride + (1 << BLOCK_SHIFT) - 1) >>> BLOCK_SHIFT;
    return anchors[t * blocksPerTable + (k >>> BLOCK_SHIFT)] + rel[t * stride + k];
  }

  static int slot(long[] codes, int row, int t) {
    return (int) (codes[(row << 2) + (t >>> 2)] >>> ((t & 3) << 4)) & 0xFFFF;
  }

  @Override
  public int rows() {
    return n;
  }

  @Override
  public long word(int row, int w) {
    return codes[4 * row + w];
  }

  @Override
  public long id(int row) {
    if (ids16.length != 0) {
      return idBase + ids16[row];
    }
    if (ids32.length != 0) {
      return idBase + (ids32[row] & 0xFFFF_FFFFL);
    }
    return ids64[row];
  }

  /** Whether the directory fell back to int starts (a block spans 2^16 entries or more). */
  boolean wideDirectory() {
    return wide.length != 0;
  }

  /** Bytes per id in this segment: 2, 4 or 8. Package-private for tests. */
  int idBytes() {
    return ids16.length != 0 || n == 0 ? 2 : ids32.length != 0 ? 4 : 8;
  }

  @Override
  public int live() {
    return deleted.live();
  }

  @Override
  public boolean isDeleted(int row) {
    return deleted.isDeleted(row);
  }

  @Override
  public int delete(long id) {
    return deleted.delete(id, this::id);
  }

  @Override
  public long memoryBytes() {
    return 8L * codes.length
        + 2L * ids16.length
        + 4L * ids32.length
        + 8L * ids64.length
        + 4L * anchors.length
        + 2L * rel.length
        + 4L * wide.length
        + entries.length
        + deleted.memoryBytes();
  }

  /** Buckets probed per table at radius {@code d}: the ball of radius ⌊d/16⌋ on the key bits. */
  static int probesPerTable(int n, int d) {
    int s1 = Math.min(16, d >>> 4);
    int k = keyBits(n);
    long count = 0;
    long binom = 1;
    for (int i = 0; i <= Math.min(s1, k); i++) {
      count += binom;
      binom = binom * (k - i) / (i + 1);
    }
    return (int) count;
  }

  /**
   * Cost model: MIH reads {@code 16 · probes} directory pairs and about {@code n / 2^K} entries a
   * bucket, each entry a random code load (counted as 3 sequential code reads); a scan reads {@code
   * n} codes.
   */
  @Override
  public boolean mihCheaper(int d) {
    return mihCheaper(n, d);
  }

  static boolean mihCheaper(int n, int d) {
    if (d >>> 4 > 4) {
      return false;
    }
    double probes = (double) SLOTS * probesPerTable(n, d);
    double bucket = n / (double) (1 << keyBits(n));
    return probes * (4 + 3 * bucket) < n;
  }

  @Override
  public void searchMih(long q0, long q1, long q2, long q3, int d, MatchSink sink) {
    if (n == 0) {
      return;
    }
    int s1 = d >>> 4;
    int s2 = d >>> 3;
    int buckets = 1 << keyBits;
    int ballEnd = MihSegment.BALL_END[Math.min(s1, 16)];
    int[] masks = new int[Math.min(ballEnd, buckets)];
    int m = 0;
    for (int b = 0; b < ballEnd && m < masks.length; b++) {
      if (MihSegment.BALL[b] < buckets) {
        masks[m++] = MihSegment.BALL[b];
      }
    }
    long[] qw = {q0, q1, q2, q3};
    // Bucket ranges first: independent loads, so their cache misses overlap.
    int[] lo = new int[SLOTS * m];
    int[] hi = new int[SLOTS * m];
    for (int t = 0, p = 0; t < SLOTS; t++) {
      int qKey = ((int) (qw[t >>> 2] >>> ((t & 3) << 4)) & 0xFFFF) >>> lowBits;
      for (int b = 0; b < m; b++, p++) {
        int key = qKey ^ masks[b];
        lo[p] = start(t, key);
        hi[p] = start(t, key + 1);
      }
    }
    // Touch both ends of every probed bucket of tables 1–15 before scanning any: independent
    // loads whose cache misses overlap (Java has no prefetch instruction).
    int touched = 0;
    for (int t = 1, p = m; t < SLOTS; t++) {
      long entryBase = (long) (t - 1) * n;
      for (int b = 0; b < m; b++, p++) {
        if (lo[p] < hi[p]) {
          touched +=
              entries[(int) (((entryBase + lo[p]) * entryBits) >>> 3)]
                  + entries[(int) (((entryBase + hi[p]) * entryBits - 1) >>> 3)];
        }
      }
    }
    touchSink = touched;
    // Candidates (row << 4 | table) are collected, then verified: their code loads overlap.
    int[] cand = new int[64];
    int c = 0;
    long pairMask = 0xFFFF_FFFFL;
    // Table 0: a bucket is a run of rows; slot 0 and its partner are the low 32 bits of word 0.
    for (int b = 0; b < m; b++) {
      for (int row = lo[b], end = hi[b]; row < end; row++) {
        long x = codes[row << 2] ^ q0;
        if (Long.bitCount(x & 0xFFFF) <= s1 && Long.bitCount(x & pairMask) <= s2) {
          if (c == cand.length) {
            cand = Arrays.copyOf(cand, 2 * c);
          }
          cand[c++] = row << 4;
        }
      }
    }
    int rowShift = lowBits + FILTER_BITS;
    long lowBitsMask = ((1L << lowBits) - 1) << FILTER_BITS;
    long filterMask = (1L << FILTER_BITS) - 1;
    for (int t = 1, p = m; t < SLOTS; t++) {
      int qSlot = (int) (qw[t >>> 2] >>> ((t & 3) << 4)) & 0xFFFF;
      int qPartner = (int) (qw[t >>> 2] >>> (((t ^ 1) & 3) << 4)) & 0xFFFF;
      long qBits = ((qSlot & ((1L << lowBits) - 1)) << FILTER_BITS) | (qPartner & filterMask);
      long entryBase = (long) (t - 1) * n;
      for (int b = 0; b < m; b++, p++) {
        int pm = Integer.bitCount(masks[b]);
        int keyBudget = s1 - pm;
        int pairBudget = s2 - pm;
        long bit = (entryBase + lo[p]) * entryBits;
        for (int i = lo[p], end = hi[p]; i < end; i++, bit += entryBits) {
          long ent = ((long) LONG_LE.get(entries, (int) (bit >>> 3)) >>> (bit & 7)) & entryMask;
          long x = ent ^ qBits;
          int e = Long.bitCount(x & lowBitsMask);
          if (e <= keyBudget && e + Long.bitCount(x & filterMask) <= pairBudget) {
            if (c == cand.length) {
              cand = Arrays.copyOf(cand, 2 * c);
            }
            cand[c++] = ((int) (ent >>> rowShift) << 4) | t;
          }
        }
      }
    }
    for (int k = 0; k < c; k++) {
      int row = cand[k] >>> 4;
      int t = cand[k] & 15;
      long x = codes[(row << 2) + (t >>> 2)] ^ qw[t >>> 2];
      if (Long.bitCount((x >>> ((t & 3) << 4)) & 0xFFFF) <= s1
          && Long.bitCount((x >>> ((t & 2) << 4)) & pairMask) <= s2) {
        verify(row, t, qw, d, s1, s2, sink);
      }
    }
  }

  private void verify(int row, int t, long[] qw, int d, int s1, int s2, MatchSink sink) {
    int c = row << 2;
    long x0 = codes[c] ^ qw[0];
    long x1 = codes[c + 1] ^ qw[1];
    long x2 = codes[c + 2] ^ qw[2];
    long x3 = codes[c + 3] ^ qw[3];
    int dist = Long.bitCount(x0) + Long.bitCount(x1) + Long.bitCount(x2) + Long.bitCount(x3);
    if (dist > d || isDeleted(row)) {
      return;
    }
    // Report only from the first table whose probe and filter the row passes.
    long[] x = {x0, x1, x2, x3};
    for (int u = 0; u < t; u++) {
      long xw = x[u >>> 2];
      if (Long.bitCount((xw >>> ((u & 3) << 4)) & 0xFFFF) <= s1
          && Long.bitCount((xw >>> ((u & 2) << 4)) & 0xFFFF_FFFFL) <= s2) {
        return;
      }
    }
    sink.accept(id(row), dist);
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
