package org.tiptrace.hash.pdq;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An immutable block of at most {@value #MAX_ROWS} hashes with a multi-index over all 16 slots
 * whose tables name 32-row blocks instead of rows; only the deletion marks change, under the owning
 * index's write lock. {@code PdqIndex.Layout.BLOCK_TABLES} (decision 0017).
 *
 * <p><b>Map.</b> Multi-index hashing [1] with the pair filter of {@link SlotSegment}, exact by
 * pigeonhole [2 §4.2]:
 *
 * <ol>
 *   <li>The 256 bits are 16 slots of 16 bits in 8 pairs {@code (2p, 2p+1)}. A hash within {@code d}
 *       has a pair within {@code s2 = ⌊d/8⌋} of the query's, and in it a slot within {@code s1 =
 *       ⌊d/16⌋}. Table {@code t} is probed with every key within {@code s1} of the query's slot
 *       {@code t}; a row is kept from table {@code t} when its slot {@code t} is within {@code s1}
 *       and its pair within {@code s2}, then checked on all 256 bits.
 *   <li>The codes are stored column-major per slot pair, so the 32 rows of block {@code b} have
 *       their pair-{@code p} values in 128 contiguous bytes. Rows are sorted by slot 0; a segment
 *       of at least 2^16 rows keys table 0 on the full slot, so slot 0 is not stored (it is the
 *       bucket a row lies in, found by binary search when a survivor is verified) and pair 0 keeps
 *       only slot 1 (2 bytes); smaller segments store slot 0 too.
 *   <li>Tables 1–15: the bucket of a key (the top {@code K = ⌈log2 n⌉ − 4} bits of the slot, 16 at
 *       2^20 rows) lists, bit-packed at {@code ⌈log2(n/32)⌉} bits (15 at 2^20 rows), every block
 *       holding a row with that key, once. A probe reads the block's 32 values of the slot's pair
 *       column (two cache lines) and keeps the rows whose key is the probed one (so a row surfaces
 *       once per table) and that pass the filter; about 1 % of them do at {@code d = 31}, and only
 *       those gather the other columns. Block columns are touched a group at a time before being
 *       checked, so their cache misses overlap.
 *   <li>Directories: {@link BucketDirectory} (int anchor per 64 buckets plus char offsets).
 *   <li>Ids are offsets from the segment's smallest id, bit-packed at {@code ⌈log2(span + 1)⌉} bits
 *       (8 bytes unpacked when that exceeds 56 bits).
 *   <li>A match can pass several tables; it is reported only from the first, recomputed from its
 *       code, so no set is needed.
 * </ol>
 *
 * <p>Memory per row at 2^20 rows with ids spanning 2^20: 30 (codes without slot 0) + 15 × 15 bits
 * (28.1) + directories (2.2) + ids (2.5) + a deletion bit: about 63 bytes. Naming blocks instead of
 * rows is what moves the floor of decision 0004 (15 × 20 bits of row numbers) under 64 bytes; the
 * price is 32 filter comparisons per block entry instead of one per row entry, which are sequential
 * and in cache once the block's lines are loaded.
 *
 * <p>References: [1] M. Norouzi, A. Punjani, D. J. Fleet, "Fast Exact Search in Hamming Space with
 * Multi-Index Hashing", IEEE TPAMI 2014; [2] {@code shared/reference/pdq.md} §4.2 (MIH).
 */
final class BlockSegment implements Segment {

  static final int SLOTS = 16;

  /** Rows per segment: block numbers of at most 15 bits. */
  static final int MAX_ROWS = 1 << 20;

  /** 32 rows a block: one block's values of one pair column fill 128 bytes, two cache lines. */
  static final int BLOCK_SHIFT = 5;

  private static final int BLOCK_ROWS = 1 << BLOCK_SHIFT;

  /** From this many rows on, table 0 is keyed on the full slot 0, which is then not stored. */
  static final int IMPLICIT_SLOT0_ROWS = 1 << 16;

  /** Block checks touched before being checked: enough misses in flight, all still in L1/L2. */
  private static final int GROUP = 64;

  /**
   * Leading longs skipped in {@link #cols} so that blocks start on a 64-byte line: a large array is
   * humongous in G1 and starts at a region boundary, its elements 16 bytes further (header).
   * Elsewhere a block may straddle one more line; the results do not depend on it.
   */
  private static final int PAD = 6;

  /** Longs of one slot of one block: 32 rows × 16 bits, four rows a long (one cache line). */
  private static final int SLOT_LONGS = BLOCK_ROWS / 4;

  /** Four 16-bit lanes of 1: multiplying a 16-bit value repeats it in every lane. */
  private static final long LANES_LOW = 0x0001_0001_0001_0001L;

  /** Ids wider than this are kept as plain longs (a packed read spans at most 8 bytes). */
  private static final int MAX_PACKED_ID_BITS = 56;

  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  final int n;

  /** Rows rounded up to whole blocks: the length of each column. */
  private final int padded;

  /** Tables 1–15: bucket = top {@code keyBits} of the slot; {@code lowBits = 16 − keyBits}. */
  private final int keyBits;

  private final int lowBits;

  /** Table 0: bucket = top {@code key0Bits} of slot 0 (16 when slot 0 is not stored). */
  private final int key0Bits;

  private final int low0Bits;
  private final int blockBits;
  private final long blockMask;

  /**
   * The codes, column-major, four 16-bit slot values a long (row {@code 4j + l} of a block in lane
   * {@code l} of its long {@code j}), after {@link #PAD} longs: slot 1 of every row (8 longs a
   * block, from {@code slot1At}); slot 0 only when {@code key0Bits < 16} (from {@code slot0At};
   * otherwise a row's slot 0 is its table-0 bucket); then per pair 1–7 and block 16 longs, 8 of
   * slot {@code 2p} and 8 of slot {@code 2p + 1} (from {@code pairAt}). So a block's two slots of a
   * pair are one aligned 128-byte run: the key test reads one line, the pair filter the adjacent
   * one, and the key test handles four rows per long operation.
   */
  private final long[] cols;

  private final int slot1At;
  private final int slot0At;
  private final boolean slot0Stored;
  private final int pairAt;

  /** Table 0: where each slot-0 bucket's run of rows starts. */
  private final BucketDirectory rows0;

  /** Tables 1–15 (directory table {@code t − 1}): entry starts relative to {@code entryBase[t]}. */
  private final BucketDirectory blockDir;

  private final int[] entryBase;

  /** Block numbers of tables 1–15, {@code blockBits} each, table after table. */
  private final byte[] entries;

  /** Ids: {@code idBase + offset}, offsets packed at {@code idBits}, or plain in {@code ids64}. */
  private final long idBase;

  private final int idBits;
  private final byte[] packedIds;
  private final long[] ids64;

  private final RowDeletions deleted;

  /** Hits mask of the last block's real rows, for a block of fewer than 32 (see searchMih). */
  private final long tailHits;

  /**
   * Per-thread work arrays of {@link #searchMih} (about 4,000 block checks a query at 1 M rows),
   * reused instead of allocated per query; done with before any match reaches the sink, so a sink
   * that searches again on the same thread is safe.
   */
  private static final class Scratch {
    int[] lo = new int[0];
    int[] hi = new int[0];
    int[] checkBlock = new int[0];
    int[] checkProbe = new int[0];
    int[] keyAt = new int[0];
    int[] partnerAt = new int[0];

    static int[] fit(int[] a, int length) {
      return a.length >= length ? a : new int[Math.max(length, 2 * a.length)];
    }
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /** Written so the JIT keeps the touching loads in {@link #searchMih}; never read. */
  @SuppressWarnings("unused")
  private static int touchSink;

  /**
   * Builds from {@code n} rows; {@code codes} holds 4 words per row, {@code w0} first. The arrays
   * are read, not kept.
   */
  BlockSegment(long[] codes, long[] ids, int n) {
    if (n > MAX_ROWS) {
      throw new IllegalArgumentException("segment too large: " + n + " > " + MAX_ROWS);
    }
    this.n = n;
    this.padded = (n + BLOCK_ROWS - 1) & -BLOCK_ROWS;
    this.keyBits = SlotSegment.keyBits(n);
    this.lowBits = 16 - keyBits;
    this.key0Bits = n >= IMPLICIT_SLOT0_ROWS ? 16 : keyBits;
    this.low0Bits = 16 - key0Bits;
    int blocks = padded >>> BLOCK_SHIFT;
    this.blockBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, blocks - 1)));
    this.blockMask = (1L << blockBits) - 1;
    this.deleted = new RowDeletions(n);
    this.tailHits = tailHits(n - ((Math.max(n, 1) - 1) & -BLOCK_ROWS));

    // Rows sorted by slot 0's bucket (counting sort): table 0 is then the rows themselves.
    int buckets0 = 1 << key0Bits;
    int[] starts0 = new int[buckets0 + 1];
    for (int row = 0; row < n; row++) {
      starts0[(SlotSegment.slot(codes, row, 0) >>> low0Bits) + 1]++;
    }
    for (int k = 0; k < buckets0; k++) {
      starts0[k + 1] += starts0[k];
    }
    int[] cursor = Arrays.copyOf(starts0, buckets0);
    int[] order = new int[n];
    for (int row = 0; row < n; row++) {
      order[cursor[SlotSegment.slot(codes, row, 0) >>> low0Bits]++] = row;
    }
    this.rows0 = new BucketDirectory(starts0, 1, buckets0);

    this.slot0Stored = key0Bits < 16;
    this.slot1At = PAD;
    this.slot0At = slot1At + padded / 4;
    this.pairAt = slot0At + (slot0Stored ? padded / 4 : 0);
    this.cols = new long[pairAt + 7 * (padded / 2)];
    for (int to = 0; to < n; to++) {
      int from = order[to];
      for (int t = slot0Stored ? 0 : 1; t < SLOTS; t++) {
        long v = (codes[4 * from + (t >>> 2)] >>> ((t & 3) << 4)) & 0xFFFF;
        cols[slotIndex(to, t)] |= v << ((to & 3) << 4);
      }
    }

    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      min = Math.min(min, ids[i]);
      max = Math.max(max, ids[i]);
    }
    long span = max - min; // negative when the span overflows a long
    int bits = n == 0 || span == 0 ? 1 : span < 0 ? 64 : 64 - Long.numberOfLeadingZeros(span);
    if (bits > MAX_PACKED_ID_BITS) {
      this.idBase = 0;
      this.idBits = 64;
      this.packedIds = new byte[0];
      this.ids64 = new long[n];
      for (int to = 0; to < n; to++) {
        ids64[to] = ids[order[to]];
      }
    } else {
      this.idBase = n == 0 ? 0 : min;
      this.idBits = bits;
      this.packedIds = new byte[(int) (((long) n * bits + 7) >>> 3) + 8];
      this.ids64 = new long[0];
      for (int to = 0; to < n; to++) {
        put(packedIds, (long) to * bits, ids[order[to]] - idBase);
      }
    }

    // Tables 1–15: per key, the blocks holding a row with that key, ascending, each once.
    int buckets = 1 << keyBits;
    int stride = buckets + 1;
    int[] starts = new int[(SLOTS - 1) * stride];
    int[] last = new int[buckets];
    this.entryBase = new int[SLOTS];
    long total = 0;
    for (int t = 1; t < SLOTS; t++) {
      int base = (t - 1) * stride;
      Arrays.fill(last, -1);
      for (int row = 0; row < n; row++) {
        int key = slotAt(row, t) >>> lowBits;
        int block = row >>> BLOCK_SHIFT;
        if (last[key] != block) {
          last[key] = block;
          starts[base + key + 1]++;
        }
      }
      for (int k = 0; k < buckets; k++) {
        starts[base + k + 1] += starts[base + k];
      }
      entryBase[t] = (int) total;
      total += starts[base + buckets];
    }
    this.entries = new byte[(int) ((total * blockBits + 7) >>> 3) + 8];
    int[] next = new int[buckets];
    for (int t = 1; t < SLOTS; t++) {
      System.arraycopy(starts, (t - 1) * stride, next, 0, buckets);
      Arrays.fill(last, -1);
      for (int row = 0; row < n; row++) {
        int key = slotAt(row, t) >>> lowBits;
        int block = row >>> BLOCK_SHIFT;
        if (last[key] != block) {
          last[key] = block;
          put(entries, (long) (entryBase[t] + next[key]++) * blockBits, block);
        }
      }
    }
    this.blockDir = new BucketDirectory(starts, SLOTS - 1, buckets);
  }

  /** ORs {@code value} into the bit string at {@code bit} (the bits there are still zero). */
  private static void put(byte[] packed, long bit, long value) {
    int at = (int) (bit >>> 3);
    long word = (long) LONG_LE.get(packed, at);
    LONG_LE.set(packed, at, word | (value << (bit & 7)));
  }

  private static long get(byte[] packed, long bit, long mask) {
    return ((long) LONG_LE.get(packed, (int) (bit >>> 3)) >>> (bit & 7)) & mask;
  }

  /** Index in {@link #cols} of the long holding slot {@code t} of {@code row} (t = 0: stored). */
  private int slotIndex(int row, int t) {
    int block = row >>> BLOCK_SHIFT;
    int j = (row & (BLOCK_ROWS - 1)) >>> 2;
    if (t < 2) {
      return (t == 1 ? slot1At : slot0At) + block * SLOT_LONGS + j;
    }
    return pairBlock(t >>> 1, block) + (t & 1) * SLOT_LONGS + j;
  }

  /** Index in {@link #cols} of the 16 longs of pair {@code p} (1–7) of {@code block}. */
  private int pairBlock(int p, int block) {
    return pairAt + (p - 1) * (padded / 2) + block * 2 * SLOT_LONGS;
  }

  /** Slot {@code t} of stored row {@code row}. */
  private int slotAt(int row, int t) {
    if (t == 0 && !slot0Stored) {
      return rows0.bucketOf(0, row);
    }
    return (int) (cols[slotIndex(row, t)] >>> ((row & 3) << 4)) & 0xFFFF;
  }

  /** Pair {@code p} (slots {@code 2p}, {@code 2p+1}) of a row as 32 bits, slot {@code 2p} low. */
  private int pair(int row, int p) {
    return slotAt(row, 2 * p) | slotAt(row, 2 * p + 1) << 16;
  }

  @Override
  public int rows() {
    return n;
  }

  @Override
  public long word(int row, int w) {
    return (pair(row, 2 * w) & 0xFFFF_FFFFL) | ((long) pair(row, 2 * w + 1) << 32);
  }

  @Override
  public long id(int row) {
    if (ids64.length != 0) {
      return ids64[row];
    }
    return idBase + get(packedIds, (long) row * idBits, (1L << idBits) - 1);
  }

  /** Bits per stored id offset (64: unpacked). Package-private for tests. */
  int idBits() {
    return idBits;
  }

  /** Whether slot 0 is implicit (table 0 keyed on the full slot). Package-private for tests. */
  boolean implicitSlot0() {
    return !slot0Stored;
  }

  /** Whether a directory fell back to int starts. Package-private for tests. */
  boolean wideDirectory() {
    return rows0.isWide() || blockDir.isWide();
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
    return 8L * cols.length
        + rows0.memoryBytes()
        + blockDir.memoryBytes()
        + 4L * entryBase.length
        + entries.length
        + packedIds.length
        + 8L * ids64.length
        + deleted.memoryBytes();
  }

  /**
   * Cost model: MIH reads {@code 16 · probes} directory pairs and about {@code n / 2^K} block
   * entries a bucket, each a random 128-byte block check (counted as 8 scanned rows); a scan reads
   * {@code n} rows.
   */
  @Override
  public boolean mihCheaper(int d) {
    return mihCheaper(n, d);
  }

  static boolean mihCheaper(int n, int d) {
    if (d >>> 4 > 4) {
      return false;
    }
    double probes = (double) SLOTS * SlotSegment.probesPerTable(n, d);
    double bucket = n / (double) (1 << SlotSegment.keyBits(n));
    return probes * (4 + 8 * bucket) < n;
  }

  /** Keys of {@code bits}-bit buckets within {@code s1} of a key, as XOR masks, nearest first. */
  private static int[] masks(int bits, int s1) {
    int buckets = 1 << bits;
    int ballEnd = MihSegment.BALL_END[Math.min(s1, 16)];
    int[] out = new int[Math.min(ballEnd, buckets)];
    int m = 0;
    for (int b = 0; b < ballEnd && m < out.length; b++) {
      if (MihSegment.BALL[b] < buckets) {
        out[m++] = MihSegment.BALL[b];
      }
    }
    return Arrays.copyOf(out, m);
  }

  @Override
  public void searchMih(long q0, long q1, long q2, long q3, int d, MatchSink sink) {
    if (n == 0) {
      return;
    }
    int s1 = d >>> 4;
    int s2 = d >>> 3;
    int[] qp = queryPairs(q0, q1, q2, q3);
    int qs0 = qp[0] & 0xFFFF;
    int qs1 = qp[0] >>> 16;
    int[] cand = new int[64];
    int c = 0;

    // Table 0: a bucket is a run of rows; pair 0 is slot 0 (the bucket or stored) and slot 1.
    int[] masks0 = masks(key0Bits, s1);
    int[] lo0 = new int[masks0.length];
    int[] hi0 = new int[masks0.length];
    for (int b = 0; b < masks0.length; b++) {
      int key = (qs0 >>> low0Bits) ^ masks0[b];
      lo0[b] = rows0.start(0, key);
      hi0[b] = rows0.start(0, key + 1);
    }
    for (int b = 0; b < masks0.length; b++) {
      int pm = Integer.bitCount(masks0[b]);
      for (int row = lo0[b], end = hi0[b]; row < end; row++) {
        int e0 = slot0Stored ? Integer.bitCount(slotAt(row, 0) ^ qs0) : pm;
        if (e0 <= s1 && e0 + Integer.bitCount(slotAt(row, 1) ^ qs1) <= s2) {
          if (c == cand.length) {
            cand = Arrays.copyOf(cand, 2 * c);
          }
          cand[c++] = row << 4;
        }
      }
    }

    // Tables 1–15: bucket ranges first (independent loads whose misses overlap), then touch the
    // packed entries of every probed bucket before decoding any.
    int[] masks = masks(keyBits, s1);
    int m = masks.length;
    int probes = (SLOTS - 1) * m;
    Scratch scratch = SCRATCH.get();
    int[] lo = scratch.lo = Scratch.fit(scratch.lo, probes);
    int[] hi = scratch.hi = Scratch.fit(scratch.hi, probes);
    for (int t = 1, p = 0; t < SLOTS; t++) {
      int qKey = ((qp[t >>> 1] >>> ((t & 1) << 4)) & 0xFFFF) >>> lowBits;
      for (int b = 0; b < m; b++, p++) {
        int key = qKey ^ masks[b];
        lo[p] = blockDir.start(t - 1, key);
        hi[p] = blockDir.start(t - 1, key + 1);
      }
    }
    int touched = 0;
    int entryCount = 0;
    for (int t = 1, p = 0; t < SLOTS; t++) {
      long base = entryBase[t];
      for (int b = 0; b < m; b++, p++) {
        if (lo[p] < hi[p]) {
          entryCount += hi[p] - lo[p];
          touched +=
              entries[(int) (((base + lo[p]) * blockBits) >>> 3)]
                  + entries[(int) (((base + hi[p]) * blockBits - 1) >>> 3)];
        }
      }
    }
    // Block checks in probe order: the block, its probe (mask index << 4 | table), and where its
    // key slot's and partner slot's 8 longs start (table 1: the partner is slot 0, not stored,
    // so the key line again).
    int[] checkBlock = scratch.checkBlock = Scratch.fit(scratch.checkBlock, entryCount);
    int[] checkProbe = scratch.checkProbe = Scratch.fit(scratch.checkProbe, entryCount);
    int[] keyAt = scratch.keyAt = Scratch.fit(scratch.keyAt, entryCount);
    int[] partnerAt = scratch.partnerAt = Scratch.fit(scratch.partnerAt, entryCount);
    int k = 0;
    for (int t = 1, p = 0; t < SLOTS; t++) {
      long base = entryBase[t];
      int column = t == 1 ? slot1At : pairBlock(t >>> 1, 0);
      int perBlock = t == 1 ? SLOT_LONGS : 2 * SLOT_LONGS;
      int keyOff = t == 1 ? 0 : (t & 1) * SLOT_LONGS;
      int partnerOff = t == 1 ? 0 : (~t & 1) * SLOT_LONGS;
      for (int b = 0; b < m; b++, p++) {
        long bit = (base + lo[p]) * blockBits;
        for (int i = lo[p], end = hi[p]; i < end; i++, bit += blockBits, k++) {
          int block = (int) get(entries, bit, blockMask);
          int at = column + block * perBlock;
          checkBlock[k] = block;
          checkProbe[k] = (b << 4) | t;
          keyAt[k] = at + keyOff;
          partnerAt[k] = at + partnerOff;
        }
      }
    }
    // Touch a group of blocks (their cache misses overlap), then check them. The key test runs
    // on four rows a long: a lane of (slot & keyMask) ^ key is zero exactly for the bucket's rows.
    long keyMask = ((1L << keyBits) - 1) << lowBits;
    long keyMask4 = keyMask * LANES_LOW;
    for (int g = 0; g < k; g += GROUP) {
      int gEnd = Math.min(k, g + GROUP);
      for (int j = g; j < gEnd; j++) {
        touched += (int) (cols[keyAt[j]] ^ cols[partnerAt[j]]);
      }
      for (int j = g; j < gEnd; j++) {
        int t = checkProbe[j] & 15;
        int block = checkBlock[j];
        int qSlot = (qp[t >>> 1] >>> ((t & 1) << 4)) & 0xFFFF;
        long key4 =
            ((((long) qSlot >>> lowBits) ^ masks[checkProbe[j] >>> 4]) << lowBits) * LANES_LOW;
        int at = keyAt[j];
        int partner0 = t == 1 ? -1 : partnerAt[j];
        // Bit 16l + 15 - w of hits: row 4w + l of the block is in the probed bucket (branch-free
        // over 8 longs; the lanes' high bits of the 8 longs shifted apart, not gathered).
        long hits = 0;
        for (int w = 0; w < SLOT_LONGS; w++) {
          hits |= zeroLaneHighs((cols[at + w] & keyMask4) ^ key4) >>> w;
        }
        int rowBase = block << BLOCK_SHIFT;
        if (n - rowBase < BLOCK_ROWS) {
          hits &= tailHits; // the last block's padding
        }
        int qPartner = (qp[t >>> 1] >>> ((~t & 1) << 4)) & 0xFFFF;
        while (hits != 0) {
          int h = Long.numberOfTrailingZeros(hits);
          hits &= hits - 1;
          int w = 15 - (h & 15);
          int shift = h & 0x30; // lane l's bits start at 16l
          int i = 4 * w + (h >>> 4);
          int e = Integer.bitCount(((int) (cols[at + w] >>> shift) & 0xFFFF) ^ qSlot);
          if (e > s1) {
            continue;
          }
          int row = rowBase + i;
          int partner =
              partner0 < 0 ? slotAt(row, 0) : (int) (cols[partner0 + w] >>> shift) & 0xFFFF;
          if (e + Integer.bitCount(partner ^ qPartner) <= s2) {
            if (c == cand.length) {
              cand = Arrays.copyOf(cand, 2 * c);
            }
            cand[c++] = (row << 4) | t;
          }
        }
      }
    }
    touchSink = touched;
    for (int j = 0; j < c; j++) {
      verify(cand[j] >>> 4, cand[j] & 15, qp, d, s1, s2, sink);
    }
  }

  /**
   * Bit 15 of each 16-bit lane of the result is set exactly when that lane of {@code y} is zero;
   * all other bits are clear (no borrow between lanes: a lane's low 15 bits plus 0x7FFF stay below
   * 2^16).
   */
  static long zeroLaneHighs(long y) {
    long low15 = 0x7FFF_7FFF_7FFF_7FFFL;
    return ~(((y & low15) + low15) | y | low15);
  }

  /** The hits mask (layout of {@link #searchMih}) of the last block's real rows. */
  private static long tailHits(int rows) {
    long mask = 0;
    for (int i = 0; i < rows; i++) {
      mask |= 1L << (16 * (i & 3) + 15 - (i >>> 2));
    }
    return mask;
  }

  private static int[] queryPairs(long q0, long q1, long q2, long q3) {
    return new int[] {
      (int) q0, (int) (q0 >>> 32), (int) q1, (int) (q1 >>> 32),
      (int) q2, (int) (q2 >>> 32), (int) q3, (int) (q3 >>> 32)
    };
  }

  /**
   * Full distance of a candidate found by table {@code t}; reported when within {@code d}, not
   * deleted, passing table {@code t}'s test and no earlier table's.
   */
  private void verify(int row, int t, int[] qp, int d, int s1, int s2, MatchSink sink) {
    int[] x = new int[8];
    int dist = 0;
    for (int p = 7; p >= 1 && dist <= d; p--) {
      x[p] = pair(row, p) ^ qp[p];
      dist += Integer.bitCount(x[p]);
    }
    if (dist > d) {
      return;
    }
    x[0] = pair(row, 0) ^ qp[0];
    dist += Integer.bitCount(x[0]);
    if (dist > d || isDeleted(row)) {
      return;
    }
    for (int u = 0; u <= t; u++) {
      boolean caught =
          Integer.bitCount((x[u >>> 1] >>> ((u & 1) << 4)) & 0xFFFF) <= s1
              && Integer.bitCount(x[u >>> 1]) <= s2;
      if (caught != (u == t)) {
        return; // an earlier table reports it, or (cannot happen) table t's own test fails
      }
    }
    sink.accept(id(row), dist);
  }

  @Override
  public void searchScan(long q0, long q1, long q2, long q3, int d, MatchSink sink) {
    int[] qp = queryPairs(q0, q1, q2, q3);
    int buckets0 = 1 << key0Bits;
    for (int key = 0; key < buckets0; key++) {
      int end = rows0.start(0, key + 1);
      for (int row = rows0.start(0, key); row < end; row++) {
        int s0 = slot0Stored ? slotAt(row, 0) : key;
        int dist = Integer.bitCount((s0 | slotAt(row, 1) << 16) ^ qp[0]);
        for (int p = 1; p < 8; p++) {
          dist += Integer.bitCount(pair(row, p) ^ qp[p]);
        }
        if (dist <= d && !isDeleted(row)) {
          sink.accept(id(row), dist);
        }
      }
    }
  }
}
