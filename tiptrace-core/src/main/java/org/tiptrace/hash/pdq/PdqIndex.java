package org.tiptrace.hash.pdq;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Exact Hamming range search over PDQ hashes: every stored hash within distance {@code d} (0–256),
 * the same set a linear scan returns.
 *
 * <p><b>Map.</b> A small log-structured index:
 *
 * <ol>
 *   <li>Sealed segments, each an immutable multi-index, exact by pigeonhole [1, 2 §4.2], in one of
 *       three {@link Layout}s: {@link SlotSegment} (16 slot tables of packed 20-bit row entries,
 *       about 76 bytes a row, the fastest), {@link MihSegment} (8 slot-pair tables, at most 64
 *       bytes a row, the slowest) or {@link BlockSegment} (16 slot tables naming 32-row blocks of
 *       column-major codes, about 63 bytes a row; decision 0017). A bulk {@link #build} gives equal
 *       segments of at most 2^20 rows.
 *   <li>A tail of up to {@value #TAIL_CAPACITY} recent additions, scanned linearly. When full it is
 *       sealed into a segment, and segments merge like a binary counter (a new segment absorbs the
 *       previous one while that is not larger), so there are O(log n) segments and each row is
 *       rebuilt O(log n) times. Merges drop deleted rows; a segment more than half deleted is
 *       rebuilt at once.
 *   <li>Per query and segment, MIH or a scan is chosen by the segment's cost model (probed buckets
 *       and the entries they hold against reading {@code n} codes); either way the answer is exact.
 * </ol>
 *
 * <p><b>Threads.</b> Many readers, one writer at a time, through a read-write lock: queries share
 * the read lock; {@link #add}, {@link #remove} and merges take the write lock, so a change is
 * visible to every query that starts after the call returns. A merge holds the write lock while it
 * rebuilds (about a second per million rows); load big sets with {@link #build} or {@link #load}.
 *
 * <p><b>Ids.</b> Caller-chosen longs. {@code add} does not check uniqueness (an id added twice is
 * two rows); {@code remove(id)} removes every row with that id and scans all ids, O(n), to keep
 * memory low (no id map).
 *
 * <p><b>Memory.</b> A sealed row costs about 76 bytes with {@link Layout#SLOT_TABLES} (32 of code,
 * 2–8 of id, the rest tables and directory), at most {@value MihSegment#BUDGET_BYTES} with {@link
 * Layout#PAIR_TABLES}, and about 63 with {@link Layout#BLOCK_TABLES} in full segments whose ids
 * span less than 2^21 (30 of code, 28 of tables, packed ids); the tail of unsealed additions 40.
 * {@link #memoryBytes()} reports the total (see {@code docs/benchmarks-pdq.md}, decisions 0004 and
 * 0017).
 *
 * <p><b>Snapshot format</b> (version 3, or 4 for {@link Layout#BLOCK_TABLES}, otherwise the same;
 * big-endian): magic {@code "TTPDQIDX"}, int version, long row count, byte layout ({@link Layout}
 * ordinal), int segment count, an int of live rows per segment, then every row's four code words
 * ({@code w0} first), segment by segment and the tail last, then every row's id in the same order,
 * then the CRC-32C of all preceding bytes as a long. Tables are rebuilt on load, segment by
 * segment. Versions 1 (per row the id, then the code) and 2 (columnar, no layout or segments) are
 * still read and converted to the default layout.
 *
 * <p>References: [1] Norouzi, Punjani, Fleet, "Fast Exact Search in Hamming Space with Multi-Index
 * Hashing" (2014); [2] {@code shared/reference/pdq.md}.
 */
public final class PdqIndex {

  /** Recommended match radius (reference §2). */
  public static final int DEFAULT_RADIUS = 31;

  /**
   * The block-table layout: the one that meets both of issue 3's targets, at most 64 bytes per hash
   * (62.9 at a full segment) and at least 10× FAISS MIH's queries per CPU-second at 1 M and 10 M
   * (decision 0017); {@link Layout#SLOT_TABLES} is faster still where 76 bytes a hash are allowed.
   */
  public static final Layout DEFAULT_LAYOUT = Layout.BLOCK_TABLES;

  /** Unsealed additions before a seal; 16 × this fits a {@link SlotSegment}. */
  static final int TAIL_CAPACITY = 4095;

  private static final byte[] MAGIC = "TTPDQIDX".getBytes(StandardCharsets.US_ASCII);

  /** Newest snapshot version read; {@link Layout#snapshotVersion()} says which one is written. */
  private static final int VERSION = 4;

  /**
   * How sealed segments are laid out. All are exact; they trade memory for speed (decisions 0004
   * and 0017, {@code docs/benchmarks-pdq.md}).
   */
  public enum Layout {
    /**
     * 16 slot tables of 20-bit entries (row and the slot's low key bits) over segments of up to
     * 2^20 rows ({@link SlotSegment}): about 76 bytes a row with ids, and about 17 buckets a table
     * at {@code d = 31}; the fastest, about 1.3–1.6× the queries/s of {@link #BLOCK_TABLES}.
     */
    SLOT_TABLES,
    /**
     * 8 slot-pair tables of packed entries over segments of up to 2^20 rows ({@link MihSegment}):
     * at most 64 bytes a row whatever the ids (the partner filter shrinks for wide ids), but about
     * 20× more buckets probed at {@code d = 31}: 0.3–0.5× the rate of {@link #BLOCK_TABLES}.
     */
    PAIR_TABLES,
    /**
     * 16 slot tables whose entries name 32-row blocks (15 bits at 2^20 rows) over codes stored
     * column-major per slot pair, slot 0 implicit ({@link BlockSegment}, decision 0017): about 63
     * bytes a row with ids spanning less than 2^21 a segment, and the probes of {@link
     * #SLOT_TABLES}, each checking a block of 32 rows in two cache lines. The default ({@link
     * #DEFAULT_LAYOUT}).
     */
    BLOCK_TABLES;

    int maxRows() {
      return switch (this) {
        case SLOT_TABLES -> SlotSegment.MAX_ROWS;
        case PAIR_TABLES -> MihSegment.MAX_ROWS;
        case BLOCK_TABLES -> BlockSegment.MAX_ROWS;
      };
    }

    Segment segment(long[] codes, long[] ids, int n) {
      return switch (this) {
        case SLOT_TABLES -> new SlotSegment(codes, ids, n);
        case PAIR_TABLES -> new MihSegment(codes, ids, n);
        case BLOCK_TABLES -> new BlockSegment(codes, ids, n);
      };
    }

    /**
     * Snapshot version written for this layout: 3 for the first two (readable by builds that
     * predate {@link #BLOCK_TABLES}), 4 for {@link #BLOCK_TABLES} (the same format; an older build
     * then reports an unsupported version instead of an unknown layout).
     */
    int snapshotVersion() {
      return this == BLOCK_TABLES ? 4 : 3;
    }
  }

  /** How a segment is searched; {@code AUTO} applies the cost model. Package-private for tests. */
  enum Strategy {
    AUTO,
    MIH,
    SCAN
  }

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Layout layout;
  private final List<Segment> segments = new ArrayList<>();
  private long[] tailCodes = new long[4 * 64];
  private long[] tailIds = new long[64];
  private int tailSize;

  /** An empty index with the default layout. */
  public PdqIndex() {
    this(DEFAULT_LAYOUT);
  }

  /** An empty index whose sealed segments use {@code layout}. */
  public PdqIndex(Layout layout) {
    this.layout = layout;
  }

  /** The layout of this index's sealed segments. */
  public Layout layout() {
    return layout;
  }

  /** Builds an index from parallel lists of ids and hashes in one pass, default layout. */
  public static PdqIndex build(long[] ids, List<PdqHash> hashes) {
    return build(ids, hashes, DEFAULT_LAYOUT);
  }

  /** Builds an index from parallel lists of ids and hashes in one pass. */
  public static PdqIndex build(long[] ids, List<PdqHash> hashes, Layout layout) {
    if (ids.length != hashes.size()) {
      throw new IllegalArgumentException(
          "ids and hashes differ in length: " + ids.length + " vs " + hashes.size());
    }
    long[] codes = new long[4 * ids.length];
    for (int i = 0; i < ids.length; i++) {
      PdqHash h = hashes.get(i);
      for (int w = 0; w < 4; w++) {
        codes[4 * i + w] = h.word(w);
      }
    }
    return fromArrays(ids.clone(), codes, ids.length, layout);
  }

  /** Equal chunks of at most the layout's segment size; a last chunk under a tail's goes there. */
  private static PdqIndex fromArrays(long[] ids, long[] codes, int n, Layout layout) {
    int chunks = Math.max(1, (n + layout.maxRows() - 1) / layout.maxRows());
    int[] sizes = new int[chunks];
    for (int k = 0; k < chunks; k++) {
      sizes[k] = (int) ((long) n * (k + 1) / chunks - (long) n * k / chunks);
    }
    return fromParts(ids, codes, n, layout, sizes);
  }

  /** Segments of the given sizes, in order; rows left over (or a lone small part) form the tail. */
  private static PdqIndex fromParts(long[] ids, long[] codes, int n, Layout layout, int[] sizes) {
    PdqIndex index = new PdqIndex(layout);
    int start = 0;
    for (int len : sizes) {
      if (len == 0) {
        continue;
      }
      if (len < TAIL_CAPACITY && start + len == n && index.tailSize == 0) {
        break; // a small last part goes to the tail below
      }
      long[] c = Arrays.copyOfRange(codes, 4 * start, 4 * (start + len));
      long[] i = Arrays.copyOfRange(ids, start, start + len);
      index.segments.add(layout.segment(c, i, len));
      start += len;
    }
    int rest = n - start;
    index.tailCodes =
        Arrays.copyOf(Arrays.copyOfRange(codes, 4 * start, 4 * n), Math.max(4 * 64, 4 * rest));
    index.tailIds = Arrays.copyOf(Arrays.copyOfRange(ids, start, n), Math.max(64, rest));
    index.tailSize = rest;
    return index;
  }

  /** Adds a row; visible to queries once this returns. */
  public void add(long id, PdqHash hash) {
    lock.writeLock().lock();
    try {
      if (tailSize == tailIds.length) {
        tailIds = Arrays.copyOf(tailIds, tailIds.length * 2);
        tailCodes = Arrays.copyOf(tailCodes, tailCodes.length * 2);
      }
      int c = 4 * tailSize;
      tailCodes[c] = hash.word(0);
      tailCodes[c + 1] = hash.word(1);
      tailCodes[c + 2] = hash.word(2);
      tailCodes[c + 3] = hash.word(3);
      tailIds[tailSize++] = id;
      if (tailSize >= TAIL_CAPACITY) {
        seal();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void seal() {
    Segment fresh =
        layout.segment(
            Arrays.copyOf(tailCodes, 4 * tailSize), Arrays.copyOf(tailIds, tailSize), tailSize);
    tailSize = 0;
    tailCodes = new long[4 * 64];
    tailIds = new long[64];
    while (!segments.isEmpty()) {
      Segment last = segments.get(segments.size() - 1);
      long merged = (long) last.live() + fresh.live();
      if (last.live() > fresh.live() || merged > layout.maxRows()) {
        break;
      }
      segments.remove(segments.size() - 1);
      fresh = merge(last, fresh);
    }
    segments.add(fresh);
  }

  private Segment compact(Segment s) {
    return merge(s, null);
  }

  private Segment merge(Segment a, @Nullable Segment b) {
    int n = a.live() + (b == null ? 0 : b.live());
    long[] codes = new long[4 * n];
    long[] ids = new long[n];
    int k = 0;
    for (Segment s : b == null ? List.of(a) : List.of(a, b)) {
      for (int row = 0; row < s.rows(); row++) {
        if (!s.isDeleted(row)) {
          for (int w = 0; w < 4; w++) {
            codes[4 * k + w] = s.word(row, w);
          }
          ids[k++] = s.id(row);
        }
      }
    }
    return layout.segment(codes, ids, n);
  }

  /** Removes every row with this id; returns how many. Visible to queries once this returns. */
  public int remove(long id) {
    lock.writeLock().lock();
    try {
      int removed = 0;
      for (int i = 0; i < tailSize; ) {
        if (tailIds[i] == id) {
          tailSize--;
          tailIds[i] = tailIds[tailSize];
          System.arraycopy(tailCodes, 4 * tailSize, tailCodes, 4 * i, 4);
          removed++;
        } else {
          i++;
        }
      }
      for (int i = segments.size() - 1; i >= 0; i--) {
        Segment s = segments.get(i);
        int gone = s.delete(id);
        if (gone == 0) {
          continue;
        }
        removed += gone;
        if (s.live() == 0) {
          segments.remove(i);
        } else if (2L * s.live() < s.rows()) {
          segments.set(i, compact(s)); // mostly deleted: rebuild to reclaim memory and probe time
        }
      }
      return removed;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Number of live rows. */
  public int size() {
    lock.readLock().lock();
    try {
      int n = tailSize;
      for (Segment s : segments) {
        n += s.live();
      }
      return n;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Matches within {@link #DEFAULT_RADIUS}. */
  public List<PdqMatch> query(PdqHash q) {
    return query(q, DEFAULT_RADIUS);
  }

  /** Every row within {@code d} (0–256) of {@code q}, sorted by distance then id. */
  public List<PdqMatch> query(PdqHash q, int d) {
    return query(q, d, Strategy.AUTO);
  }

  List<PdqMatch> query(PdqHash q, int d, Strategy strategy) {
    checkRadius(d);
    List<PdqMatch> out = new ArrayList<>();
    search(q, d, strategy, (id, dist) -> out.add(new PdqMatch(id, dist)));
    out.sort(PdqMatch.ORDER);
    return out;
  }

  /**
   * Rows within {@code d} of any of the probes (for example the eight dihedral variants of one
   * image), one match per id with its smallest distance, sorted by distance then id.
   */
  public List<PdqMatch> queryAny(Collection<PdqHash> probes, int d) {
    checkRadius(d);
    Map<Long, Integer> best = new HashMap<>();
    for (PdqHash q : probes) {
      search(q, d, Strategy.AUTO, (id, dist) -> best.merge(id, dist, Math::min));
    }
    List<PdqMatch> out = new ArrayList<>(best.size());
    best.forEach((id, dist) -> out.add(new PdqMatch(id, dist)));
    out.sort(PdqMatch.ORDER);
    return out;
  }

  /**
   * Streams every (id, distance) within {@code d} to {@code sink}, unsorted; for callers that count
   * or aggregate without building lists (benchmarks). The sink runs under the read lock and must
   * not call {@link #add} or {@link #remove} (that would deadlock).
   */
  public void search(PdqHash q, int d, MatchConsumer sink) {
    checkRadius(d);
    search(q, d, Strategy.AUTO, sink::accept);
  }

  /** Receives (id, distance) pairs. */
  @FunctionalInterface
  public interface MatchConsumer {
    void accept(long id, int distance);
  }

  private void search(PdqHash q, int d, Strategy strategy, Segment.MatchSink sink) {
    long q0 = q.word(0);
    long q1 = q.word(1);
    long q2 = q.word(2);
    long q3 = q.word(3);
    lock.readLock().lock();
    try {
      for (Segment s : segments) {
        if (useMih(s, d, strategy)) {
          s.searchMih(q0, q1, q2, q3, d, sink);
        } else {
          s.searchScan(q0, q1, q2, q3, d, sink);
        }
      }
      for (int row = 0, c = 0; row < tailSize; row++, c += 4) {
        int dist =
            Long.bitCount(tailCodes[c] ^ q0)
                + Long.bitCount(tailCodes[c + 1] ^ q1)
                + Long.bitCount(tailCodes[c + 2] ^ q2)
                + Long.bitCount(tailCodes[c + 3] ^ q3);
        if (dist <= d) {
          sink.accept(tailIds[row], dist);
        }
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The segment's cost model (probed buckets and entries against a scan) unless forced. */
  static boolean useMih(Segment s, int d, Strategy strategy) {
    return switch (strategy) {
      case MIH -> true;
      case SCAN -> false;
      case AUTO -> s.mihCheaper(d);
    };
  }

  private static void checkRadius(int d) {
    if (d < 0 || d > PdqHash.BITS) {
      throw new IllegalArgumentException("radius must be 0..256, got " + d);
    }
  }

  /** Live rows of each sealed segment, in order; package-private for tests. */
  List<Integer> segmentLiveRows() {
    lock.readLock().lock();
    try {
      return segments.stream().map(Segment::live).toList();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Bytes held by the index's arrays (object headers ignored). */
  public long memoryBytes() {
    lock.readLock().lock();
    try {
      long bytes = 8L * tailCodes.length + 8L * tailIds.length;
      for (Segment s : segments) {
        bytes += s.memoryBytes();
      }
      return bytes;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Writes a snapshot of the live rows, atomically (temporary file, then rename). */
  public void save(Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    lock.readLock().lock();
    boolean written = false;
    try (OutputStream raw = Files.newOutputStream(tmp)) {
      CRC32C crc = new CRC32C();
      DataOutputStream out =
          new DataOutputStream(
              new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), crc));
      out.write(MAGIC);
      out.writeInt(layout.snapshotVersion());
      long count = tailSize;
      for (Segment s : segments) {
        count += s.live();
      }
      out.writeLong(count);
      out.writeByte(layout.ordinal());
      out.writeInt(segments.size());
      for (Segment s : segments) {
        out.writeInt(s.live());
      }
      // Columnar: every code, then every id, segment by segment, the tail last.
      for (Segment s : segments) {
        for (int row = 0; row < s.rows(); row++) {
          if (!s.isDeleted(row)) {
            for (int w = 0; w < 4; w++) {
              out.writeLong(s.word(row, w));
            }
          }
        }
      }
      for (int c = 0; c < 4 * tailSize; c++) {
        out.writeLong(tailCodes[c]);
      }
      for (Segment s : segments) {
        for (int row = 0; row < s.rows(); row++) {
          if (!s.isDeleted(row)) {
            out.writeLong(s.id(row));
          }
        }
      }
      for (int row = 0; row < tailSize; row++) {
        out.writeLong(tailIds[row]);
      }
      out.writeLong(crc.getValue());
      out.flush();
      written = true;
    } finally {
      lock.readLock().unlock();
      if (!written) {
        Files.deleteIfExists(tmp);
      }
    }
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Reads a snapshot written by {@link #save}, of the current version or of version 1 (rows
   * interleaved, written before the layout of decision 0004 changed), which is converted on load.
   *
   * @throws PdqIndexFormatException with a plain reason when the file is not a snapshot, has an
   *     unknown version, is truncated, or fails its checksum
   */
  public static PdqIndex load(Path file) throws IOException {
    long size = Files.size(file);
    try (InputStream raw = Files.newInputStream(file)) {
      CRC32C crc = new CRC32C();
      DataInputStream in =
          new DataInputStream(new CheckedInputStream(new BufferedInputStream(raw, 1 << 16), crc));
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new PdqIndexFormatException(file + " is not a PDQ index snapshot (bad magic)");
      }
      int version = in.readInt();
      if (version < 1 || version > VERSION) {
        throw new PdqIndexFormatException(
            file
                + ": unsupported PDQ index snapshot version "
                + version
                + " (reads 1 to "
                + VERSION
                + ")");
      }
      long count = in.readLong();
      Layout layout = DEFAULT_LAYOUT;
      int[] parts = new int[0];
      long header = MAGIC.length + 4 + 8;
      if (version >= 3) {
        int ordinal = in.readUnsignedByte();
        if (ordinal >= Layout.values().length
            || Layout.values()[ordinal].snapshotVersion() != version) {
          throw new PdqIndexFormatException(
              file
                  + ": corrupt PDQ index snapshot (unknown layout "
                  + ordinal
                  + " for version "
                  + version
                  + ")");
        }
        layout = Layout.values()[ordinal];
        int segmentCount = in.readInt();
        if (segmentCount < 0 || 4L * segmentCount > size) {
          throw new PdqIndexFormatException(
              file + ": corrupt PDQ index snapshot (segment count " + segmentCount + ")");
        }
        parts = new int[segmentCount];
        long sum = 0;
        for (int k = 0; k < segmentCount; k++) {
          parts[k] = in.readInt();
          sum += parts[k];
          if (parts[k] < 0 || parts[k] > layout.maxRows() || sum > count) {
            throw new PdqIndexFormatException(
                file
                    + ": corrupt PDQ index snapshot (segment "
                    + k
                    + " has "
                    + parts[k]
                    + " rows)");
          }
        }
        header += 1 + 4 + 4L * segmentCount;
      }
      long expected = header + count * 40 + 8;
      if (count < 0 || count > Integer.MAX_VALUE / 4 || expected != size) {
        throw new PdqIndexFormatException(
            file + ": corrupt PDQ index snapshot (row count " + count + " does not fit file size)");
      }
      int n = (int) count;
      long[] ids = new long[n];
      long[] codes = new long[4 * n];
      if (version == 1) {
        for (int row = 0; row < n; row++) {
          ids[row] = in.readLong();
          for (int w = 0; w < 4; w++) {
            codes[4 * row + w] = in.readLong();
          }
        }
      } else {
        for (int c = 0; c < 4 * n; c++) {
          codes[c] = in.readLong(); // versions 2 to 4
        }
        for (int row = 0; row < n; row++) {
          ids[row] = in.readLong();
        }
      }
      long computed = crc.getValue();
      long stored = in.readLong();
      if (computed != stored) {
        throw new PdqIndexFormatException(
            file + ": corrupt PDQ index snapshot (checksum mismatch)");
      }
      // Versions 1 and 2 predate the layouts: converted to the default one on load.
      return version >= 3
          ? fromParts(ids, codes, n, layout, parts)
          : fromArrays(ids, codes, n, DEFAULT_LAYOUT);
    } catch (EOFException e) {
      throw new PdqIndexFormatException(file + ": truncated PDQ index snapshot", e);
    }
  }
}
