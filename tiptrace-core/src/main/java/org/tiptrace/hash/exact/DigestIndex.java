package org.tiptrace.hash.exact;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * A compact immutable index from digests of one length (MD5 16, SHA-1 20, SHA-256 32 bytes) to int
 * payloads (entry ids), held in primitive arrays and no per-entry objects, built for lookups that
 * cost about two cache misses each and batches of lookups whose misses overlap.
 *
 * <p><b>Map.</b>
 *
 * <ol>
 *   <li>Entries are sorted by (first 16 digest bytes, payload); identical (digest, payload) pairs
 *       are kept once.
 *   <li>A radix directory on the top {@code b} bits of the digest, {@code b = max(16, ⌊log2 n⌋ −
 *       1)}, gives each bucket's first entry ({@code 2^b + 1} ints, 1–2 bytes per entry): on
 *       uniform digests a bucket holds 2–4 entries, so a lookup reads one directory line and then
 *       the one or two cache lines its bucket spans. Digests are uniform, so the top bits predict
 *       the position; this is the radix variant of interpolation search [1].
 *   <li>An entry is 18 bytes in a {@code byte[]} page: digest bytes 2–15 and the payload,
 *       big-endian, side by side, so a hit reads its payload from the line it compared. Bytes 0–1
 *       are not stored: the directory has at least 16 bits, so the bucket implies them. That saves
 *       2 bytes per entry, which pays for the finer directory. Pages hold {@code 2^26} entries (1.2
 *       GB) each, below the {@code byte[]} limit.
 *   <li>Comparing reads two overlapping big-endian longs per entry (bytes 2–9 and 8–15) through a
 *       {@link VarHandle} byte-array view: no copies, no boxing, no allocation. A bucket is scanned
 *       linearly; a bucket above {@value #LINEAR_SCAN_MAX} entries (digests crafted or chosen to
 *       share leading bytes) is binary searched, so such input costs O(log n), not O(n).
 *   <li>Batches ({@link #lookupAll(byte[][], int[])}) run in blocks of {@value #BLOCK} digests and
 *       three passes: read every digest's directory slot, touch every bucket's first and last
 *       entry, then compare. The loads of one pass do not depend on each other, so the processor
 *       keeps many cache misses in flight instead of one (the way {@code PdqIndex} gathers its
 *       bucket bounds before it compares) [2]. Up to {@value #SINGLE_LOOKUP_MAX} entries most
 *       lookups hit the cache anyway, and a batch is a plain loop, which measured faster there.
 *   <li>{@link #writeTo} and {@link #readFrom} save and load the arrays as a versioned, checksummed
 *       snapshot, so a large index need not be sorted again at start-up.
 * </ol>
 *
 * <p><b>Exactness.</b> For MD5 the 16 bytes are the whole digest: hits are exact ({@link #exact()}
 * is true). For SHA-1 and SHA-256 the index compares the first {@value #COMPARED_BYTES} bytes only
 * ({@link #comparedBytes()}), because 100M SHA-256 digests cannot be stored exactly in 20 bytes
 * each (they need about 29 bytes of information each), and the budget is 2 GB for 100M.
 * Then {@link #exact()} is false and every hit is a <em>prefix hit</em>: a candidate whose first
 * 128 bits equal the query's, which the caller must confirm against the full digest it stores
 * before reporting a match. On digests that are not crafted to collide, a false candidate has a
 * probability of about {@code n / 2^128} per query.
 *
 * <p><b>Memory.</b> {@link #memoryBytes()}: 18 bytes per distinct pair plus the directory (1–2
 * bytes per entry; a fixed 256 KiB below 2^17 entries), so 19.3 bytes per entry and 1.93·10^9 bytes
 * for 100M; see {@code docs/benchmarks-exact.md}. The builder holds 20 bytes per entry while it
 * collects and sorts (use {@link #builder(int, int)} with the expected size to avoid growing
 * copies); {@link Builder#build()} then packs the pages, so building peaks near 38 bytes per entry.
 *
 * <p><b>Threads.</b> Immutable once built; any number of threads may query it.
 *
 * <p>References: [1] Knuth, TAOCP vol. 3, §6.2.1 (interpolation search) and §5.2.5 (radix
 * distribution); [2] Chen, Ailamaki, Gibbons, Mowry, "Improving hash join performance through
 * prefetching" (ICDE 2004), group prefetching. {@link Builder#build()} sorts with {@link EntrySort}
 * (in-place American flag distribution, then a three-way quicksort per bucket).
 */
public final class DigestIndex {

  /** Digest bytes the index stores and compares. */
  public static final int COMPARED_BYTES = 16;

  /** Bytes per stored entry: digest bytes 2–15 and a 4-byte payload. */
  static final int ENTRY_BYTES = 18;

  /** The directory has at least this many bits, so digest bytes 0–1 need not be stored. */
  static final int MIN_DIRECTORY_BITS = 16;

  /** Entries per page: 2^26 × 18 bytes stays below the largest {@code byte[]}. */
  static final int PAGE_BITS = 26;

  /** Buckets up to this size are scanned; larger ones are binary searched. */
  static final int LINEAR_SCAN_MAX = 8;

  /**
   * Up to this many entries (2.4 MB of entries, a 256 KiB directory) a batch is a loop of single
   * lookups: most lookups hit the cache there, and the loop measured faster (decision 0018).
   */
  static final int SINGLE_LOOKUP_MAX = 1 << 17;

  /** Digests per block of a batch: enough misses to overlap, few enough to stay in L1. */
  static final int BLOCK = 32;

  /** First eight bytes of a snapshot: "TTDIGIDX". */
  static final long SNAPSHOT_MAGIC = 0x5454444947494458L;

  /** The snapshot layout {@link #writeTo} writes; {@link #readFrom} reads it. */
  static final int SNAPSHOT_VERSION = 1;

  private static final int COPY_CHUNK = 1 << 16;

  private static final VarHandle LONG_BE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT_BE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final int[] NONE = new int[0];
  private static final int ARRAY_HEADER_BYTES = 16;
  private static final int MAX_ENTRIES = (Integer.MAX_VALUE - 8) / 2;
  // A value the touch pass's checksum will in practice never equal; see touchSink.
  private static final long TOUCH_MARK = 0x9E3779B97F4A7C15L;

  /**
   * Written only when a batch's checksum of touched bytes equals {@link #TOUCH_MARK}: the test
   * keeps the compiler from dropping the touch pass's loads, whose only purpose is to start cache
   * misses.
   */
  @SuppressWarnings("unused")
  private static long touchSink;

  private final int digestLength;
  private final int size;
  // Entry e is at pages[e >>> pageBits], offset (e & pageMask) * ENTRY_BYTES.
  private final byte[][] pages;
  private final int pageBits;
  private final int pageMask;
  // dir[b]..dir[b+1] are the entries whose top `bits` bits equal b.
  private final int[] dir;
  private final int shift;

  private DigestIndex(
      int digestLength, int size, byte[][] pages, int pageBits, int[] dir, int bits) {
    this.digestLength = digestLength;
    this.size = size;
    this.pages = pages;
    this.pageBits = pageBits;
    this.pageMask = (1 << pageBits) - 1;
    this.dir = dir;
    this.shift = 64 - bits;
  }

  /**
   * A builder for digests of {@code digestLength} bytes.
   *
   * @throws IllegalArgumentException unless the length is 16, 20 or 32
   */
  public static Builder builder(int digestLength) {
    return builder(digestLength, 1024);
  }

  /**
   * A builder sized for {@code expectedSize} entries, so that it need not grow its arrays when at
   * most that many are added.
   *
   * @throws IllegalArgumentException unless the length is 16, 20 or 32 and the size is 0 or more
   */
  public static Builder builder(int digestLength, int expectedSize) {
    return builder(digestLength, expectedSize, PAGE_BITS);
  }

  /** As {@link #builder(int, int)} with smaller pages, so tests can cross page boundaries. */
  static Builder builder(int digestLength, int expectedSize, int pageBits) {
    if (digestLength != 16 && digestLength != 20 && digestLength != 32) {
      throw new IllegalArgumentException(
          "digest length must be 16 (MD5), 20 (SHA-1) or 32 (SHA-256) bytes, was " + digestLength);
    }
    if (expectedSize < 0 || expectedSize > MAX_ENTRIES) {
      throw new IllegalArgumentException(
          "expected size must be 0.." + MAX_ENTRIES + ", was " + expectedSize);
    }
    if (pageBits < 1 || pageBits > PAGE_BITS) {
      throw new IllegalArgumentException("page bits must be 1.." + PAGE_BITS + ", was " + pageBits);
    }
    return new Builder(digestLength, expectedSize, pageBits);
  }

  /** Collects (digest, payload) pairs; single use, not thread-safe. */
  public static final class Builder {
    private final int digestLength;
    private final int pageBits;
    private final DigestPairs pairs;
    private boolean built;

    private Builder(int digestLength, int capacity, int pageBits) {
      this.digestLength = digestLength;
      this.pageBits = pageBits;
      this.pairs = new DigestPairs(capacity);
    }

    /**
     * Adds one pair. The digest is read, not kept.
     *
     * @throws IllegalArgumentException if the digest has the wrong length
     * @throws IllegalStateException after {@link #build()}, or beyond about 1.07 billion entries
     */
    public Builder add(byte[] digest, int payload) {
      checkLength(digest, digestLength);
      if (built) {
        throw new IllegalStateException("builder already built");
      }
      pairs.add(digest, payload);
      return this;
    }

    /**
     * Sorts the pairs in place, packs them into pages and returns the index; the builder cannot be
     * used afterwards. Duplicate (digest, payload) pairs are allowed and kept once.
     *
     * @throws IllegalStateException if called twice
     */
    public DigestIndex build() {
      if (built) {
        throw new IllegalStateException("builder already built");
      }
      built = true;
      int bits = directoryBits(pairs.size());
      DigestPairs.Sorted s = pairs.sortDistinct(bits);
      int m = s.count();
      return new DigestIndex(
          digestLength,
          m,
          pack(s.keys(), s.payloads(), m, pageBits),
          pageBits,
          s.directory(),
          bits);
    }
  }

  /**
   * Writes entries 0..m-1 into pages of 2^pageBits entries (the last page only as long as used).
   */
  private static byte[][] pack(long[] k, int[] p, int m, int pageBits) {
    int perPage = 1 << pageBits;
    int count = m == 0 ? 0 : (int) (((long) m + perPage - 1) >>> pageBits);
    byte[][] pages = new byte[count][];
    for (int g = 0; g < count; g++) {
      int entries = (int) Math.min(perPage, m - ((long) g << pageBits));
      byte[] page = new byte[entries * ENTRY_BYTES];
      int base = g << pageBits;
      for (int j = 0; j < entries; j++) {
        int i = base + j;
        long hi = k[2 * i] ^ Long.MIN_VALUE;
        long lo = k[2 * i + 1] ^ Long.MIN_VALUE;
        int off = j * ENTRY_BYTES;
        // Bytes 2–9, then 8–15 (rewriting bytes 8–9 with the same values), then the payload.
        LONG_BE.set(page, off, (hi << 16) | (lo >>> 48));
        LONG_BE.set(page, off + 6, lo);
        INT_BE.set(page, off + 14, p[i]);
      }
      pages[g] = page;
    }
    return pages;
  }

  /** Digest length in bytes: 16, 20 or 32. */
  public int digestLength() {
    return digestLength;
  }

  /** Number of distinct (digest, payload) pairs. */
  public int size() {
    return size;
  }

  /**
   * Digest bytes compared by the lookups: the first {@value #COMPARED_BYTES}, which is all of an
   * MD5 digest and a prefix of a SHA-1 or SHA-256 one.
   */
  public int comparedBytes() {
    return Math.min(COMPARED_BYTES, digestLength);
  }

  /**
   * Whether hits are exact matches: true when {@link #comparedBytes()} covers the whole digest
   * (MD5). When false, every hit is a prefix hit that the caller must confirm against the full
   * digest.
   */
  public boolean exact() {
    return comparedBytes() == digestLength;
  }

  /**
   * The first entry stored under {@code digest} (the one with the smallest payload), or -1 if none;
   * allocates nothing. Walk the digest's entries with {@link #next(byte[], int)} and read each
   * payload with {@link #payload(int)}. When {@link #exact()} is false the entries are those whose
   * first {@link #comparedBytes()} bytes equal the digest's: candidates to confirm, not yet
   * matches.
   *
   * @throws IllegalArgumentException if the digest has the wrong length
   */
  public int lookup(byte[] digest) {
    checkLength(digest, digestLength);
    long top = (long) LONG_BE.get(digest, 0);
    int b = (int) (top >>> shift);
    return scan((long) LONG_BE.get(digest, 2), (long) LONG_BE.get(digest, 8), dir[b], dir[b + 1]);
  }

  /**
   * The entry after {@code entry} if it is also stored under {@code digest} (a larger payload),
   * else -1; {@code entry} is one that {@link #lookup} or this method gave for the digest.
   * Allocates nothing.
   *
   * @throws IllegalArgumentException if the digest has the wrong length
   * @throws IndexOutOfBoundsException unless {@code 0 <= entry < size()}
   */
  public int next(byte[] digest, int entry) {
    checkLength(digest, digestLength);
    Objects.checkIndex(entry, size);
    int e = entry + 1;
    int b = (int) ((long) LONG_BE.get(digest, 0) >>> shift);
    // Only entries of the digest's bucket share its bytes 0–1, which entries do not store.
    if (e >= dir[b + 1]) {
      return -1;
    }
    byte[] page = pages[e >>> pageBits];
    int off = (e & pageMask) * ENTRY_BYTES;
    boolean same =
        (long) LONG_BE.get(page, off) == (long) LONG_BE.get(digest, 2)
            && (long) LONG_BE.get(page, off + 6) == (long) LONG_BE.get(digest, 8);
    return same ? e : -1;
  }

  /**
   * The payload of {@code entry}.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= entry < size()}
   */
  public int payload(int entry) {
    Objects.checkIndex(entry, size);
    return (int) INT_BE.get(pages[entry >>> pageBits], (entry & pageMask) * ENTRY_BYTES + 14);
  }

  /**
   * Looks up every digest of {@code digests} at once: {@code out[i]} becomes what {@link
   * #lookup(byte[])} gives for {@code digests[i]}, but the lookups' cache misses overlap, so a
   * batch costs less per digest than a loop of single lookups (up to {@value #SINGLE_LOOKUP_MAX}
   * entries, where most lookups hit the cache anyway, it is such a loop). Allocates nothing.
   *
   * @return the number of digests found
   * @throws IllegalArgumentException if a digest has the wrong length (naming its position) or
   *     {@code out} is shorter than {@code digests}
   */
  public int lookupAll(byte[][] digests, int[] out) {
    if (out.length < digests.length) {
      throw new IllegalArgumentException(
          "out has " + out.length + " places for " + digests.length + " digests");
    }
    for (int i = 0; i < digests.length; i++) {
      if (digests[i].length != digestLength) {
        throw new IllegalArgumentException(
            "digest " + i + " must have " + digestLength + " bytes, had " + digests[i].length);
      }
    }
    return lookupAll(digests, null, digests.length, out);
  }

  /**
   * As {@link #lookupAll(byte[][], int[])} over digests laid end to end in one array: digest {@code
   * i} is {@code digests[i * digestLength() .. (i + 1) * digestLength())}.
   *
   * @return the number of digests found
   * @throws IllegalArgumentException if the array's length is not a multiple of the digest length
   *     or {@code out} has fewer places than there are digests
   */
  public int lookupAll(byte[] digests, int[] out) {
    if (digests.length % digestLength != 0) {
      throw new IllegalArgumentException(
          "digests array of "
              + digests.length
              + " bytes is not a whole number of "
              + digestLength
              + "-byte digests");
    }
    int count = digests.length / digestLength;
    if (out.length < count) {
      throw new IllegalArgumentException(
          "out has " + out.length + " places for " + count + " digests");
    }
    return lookupAll(null, digests, count, out);
  }

  /** Digest i is {@code many[i]} when {@code many} is given, else at {@code i * len} in flat. */
  private int lookupAll(byte[][] many, byte[] flat, int count, int[] out) {
    int hits = 0;
    int len = digestLength;
    if (size <= SINGLE_LOOKUP_MAX) {
      // The whole index is in cache: the passes would only add instructions.
      for (int i = 0; i < count; i++) {
        byte[] d = many != null ? many[i] : flat;
        int off = many != null ? 0 : i * len;
        int b = (int) ((long) LONG_BE.get(d, off) >>> shift);
        int e =
            scan(
                (long) LONG_BE.get(d, off + 2), (long) LONG_BE.get(d, off + 8), dir[b], dir[b + 1]);
        out[i] = e;
        hits += e >>> 31 ^ 1;
      }
      return hits;
    }
    long touched = 0;
    for (int start = 0; start < count; start += BLOCK) {
      int end = Math.min(count, start + BLOCK);
      // Pass 1: every directory slot; the loads are independent, so their misses overlap.
      for (int i = start; i < end; i++) {
        byte[] d = many != null ? many[i] : flat;
        int off = many != null ? 0 : i * len;
        out[i] = dir[(int) ((long) LONG_BE.get(d, off) >>> shift)];
      }
      // Pass 2: load the first and last entry of every bucket (the lines a bucket spans). Nothing
      // branches on the bytes loaded here, so no mispredicted compare holds up the next load.
      for (int i = start; i < end; i++) {
        byte[] d = many != null ? many[i] : flat;
        int off = many != null ? 0 : i * len;
        int from = out[i];
        int to = dir[(int) ((long) LONG_BE.get(d, off) >>> shift) + 1];
        if (from < to) {
          touched ^= (long) LONG_BE.get(pages[from >>> pageBits], (from & pageMask) * ENTRY_BYTES);
          int last = to - 1;
          touched +=
              (int) INT_BE.get(pages[last >>> pageBits], (last & pageMask) * ENTRY_BYTES + 14);
        }
      }
      // Pass 3: compare, in cache by now.
      for (int i = start; i < end; i++) {
        byte[] d = many != null ? many[i] : flat;
        int off = many != null ? 0 : i * len;
        int b = (int) ((long) LONG_BE.get(d, off) >>> shift);
        int e =
            scan(
                (long) LONG_BE.get(d, off + 2), (long) LONG_BE.get(d, off + 8), out[i], dir[b + 1]);
        out[i] = e;
        hits += e >>> 31 ^ 1;
      }
    }
    if (touched == TOUCH_MARK) {
      touchSink = touched;
    }
    return hits;
  }

  /**
   * The payloads stored under {@code digest}, ascending, each once; an empty array if none. When
   * {@link #exact()} is false these are the payloads of entries whose first {@link
   * #comparedBytes()} bytes equal the digest's: candidates to confirm, not yet matches. Allocates
   * the array on a hit; {@link #lookup(byte[])} does not.
   *
   * @throws IllegalArgumentException if the digest has the wrong length
   */
  public int[] find(byte[] digest) {
    int first = lookup(digest);
    if (first < 0) {
      return NONE;
    }
    int count = 1;
    for (int e = next(digest, first); e >= 0; e = next(digest, e)) {
      count++;
    }
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      out[i] = payload(first + i);
    }
    return out;
  }

  /**
   * Whether any payload is stored under {@code digest}; a prefix hit when {@link #exact()} is false
   * (see {@link #lookup}).
   *
   * @throws IllegalArgumentException if the digest has the wrong length
   */
  public boolean contains(byte[] digest) {
    return lookup(digest) >= 0;
  }

  /** Bytes held by the index's arrays, headers included (references counted as 8 bytes). */
  public long memoryBytes() {
    long n = 2L * ARRAY_HEADER_BYTES + 8L * pages.length + 4L * dir.length;
    for (byte[] page : pages) {
      n += ARRAY_HEADER_BYTES + page.length;
    }
    return n;
  }

  /**
   * The entry in [from, to) whose stored bytes 2–9 and 8–15 are (a, b), the first one if several,
   * or -1. Small buckets are scanned (they span one or two cache lines); large ones, which only
   * crafted or deliberately similar digests make, are binary searched.
   */
  private int scan(long a, long b, int from, int to) {
    if (to - from > LINEAR_SCAN_MAX) {
      from = lowerBound(a, b, from, to);
      to = Math.min(to, from + 1);
    }
    for (int e = from; e < to; e++) {
      byte[] page = pages[e >>> pageBits];
      int off = (e & pageMask) * ENTRY_BYTES;
      if ((long) LONG_BE.get(page, off) == a && (long) LONG_BE.get(page, off + 6) == b) {
        return e;
      }
    }
    return -1;
  }

  /** First entry in [from, to) that is not below (a, b) in unsigned order, or {@code to}. */
  private int lowerBound(long a, long b, int from, int to) {
    while (from < to) {
      int mid = (from + to) >>> 1;
      byte[] page = pages[mid >>> pageBits];
      int off = (mid & pageMask) * ENTRY_BYTES;
      int c = Long.compareUnsigned((long) LONG_BE.get(page, off), a);
      if (c == 0) {
        c = Long.compareUnsigned((long) LONG_BE.get(page, off + 6), b);
      }
      if (c < 0) {
        from = mid + 1;
      } else {
        to = mid;
      }
    }
    return from;
  }

  private static void checkLength(byte[] digest, int digestLength) {
    if (digest.length != digestLength) {
      throw new IllegalArgumentException(
          "digest must have " + digestLength + " bytes, had " + digest.length);
    }
  }

  /**
   * Writes a snapshot of the index to {@code out}, for {@link #readFrom} to load without sorting
   * again. Layout, big-endian: the magic {@code "TTDIGIDX"}; version (1); digest length; size;
   * directory bits; page bits; page count; the CRC-32C of those 32 header bytes (so a damaged
   * header is caught before its sizes are trusted); the directory's {@code 2^bits + 1} ints; each
   * page as its byte length and bytes; then the CRC-32C of everything before it, magic included.
   * The stream is flushed, not closed.
   *
   * @throws IOException if writing fails
   */
  public void writeTo(DataOutputStream out) throws IOException {
    CRC32C crc = new CRC32C();
    byte[] header = new byte[8 + 6 * 4];
    LONG_BE.set(header, 0, SNAPSHOT_MAGIC);
    int[] fields = {SNAPSHOT_VERSION, digestLength, size, 64 - shift, pageBits, pages.length};
    for (int i = 0; i < fields.length; i++) {
      INT_BE.set(header, 8 + 4 * i, fields[i]);
    }
    write(out, crc, header, header.length);
    byte[] chunk = new byte[COPY_CHUNK];
    INT_BE.set(chunk, 0, headerChecksum(header));
    write(out, crc, chunk, 4);
    for (int i = 0; i < dir.length; ) {
      int ints = Math.min(COPY_CHUNK / 4, dir.length - i);
      for (int k = 0; k < ints; k++) {
        INT_BE.set(chunk, 4 * k, dir[i + k]);
      }
      write(out, crc, chunk, 4 * ints);
      i += ints;
    }
    for (byte[] page : pages) {
      INT_BE.set(chunk, 0, page.length);
      write(out, crc, chunk, 4);
      write(out, crc, page, page.length);
    }
    out.writeLong(crc.getValue());
    out.flush();
  }

  private static void write(DataOutputStream out, CRC32C crc, byte[] bytes, int length)
      throws IOException {
    crc.update(bytes, 0, length);
    out.write(bytes, 0, length);
  }

  /**
   * Reads a snapshot that {@link #writeTo} wrote; the stream is left just after it.
   *
   * @throws IOException if the stream fails, ends early ("truncated", naming the part), is not a
   *     snapshot (wrong magic), has a version this build does not read, carries impossible fields
   *     (naming the field and value), or fails its checksum
   */
  public static DigestIndex readFrom(DataInputStream in) throws IOException {
    CRC32C crc = new CRC32C();
    byte[] header = new byte[8 + 6 * 4];
    read(in, crc, header, header.length, "header");
    long magic = (long) LONG_BE.get(header, 0);
    if (magic != SNAPSHOT_MAGIC) {
      throw new IOException(
          String.format(
              Locale.ROOT,
              "not a digest index snapshot: magic 0x%016x, expected 0x%016x (\"TTDIGIDX\")",
              magic,
              SNAPSHOT_MAGIC));
    }
    int version = (int) INT_BE.get(header, 8);
    if (version != SNAPSHOT_VERSION) {
      throw new IOException(
          "digest index snapshot version "
              + version
              + " is not supported; this build reads version "
              + SNAPSHOT_VERSION);
    }
    byte[] chunk = new byte[COPY_CHUNK];
    read(in, crc, chunk, 4, "header");
    if ((int) INT_BE.get(chunk, 0) != headerChecksum(header)) {
      throw new IOException("digest index snapshot is corrupt: its header fails its checksum");
    }
    int digestLength = (int) INT_BE.get(header, 12);
    if (digestLength != 16 && digestLength != 20 && digestLength != 32) {
      throw new IOException(
          "digest index snapshot: digest length " + digestLength + " is not 16, 20 or 32");
    }
    int size = field(header, 2, "size", 0, MAX_ENTRIES);
    int bits = field(header, 3, "directory bits", MIN_DIRECTORY_BITS, 30);
    int pageBits = field(header, 4, "page bits", 1, PAGE_BITS);
    int pageCount =
        field(header, 5, "page count", 0, (int) (((long) size + (1 << pageBits) - 1) >>> pageBits));
    if (pageCount != (int) (((long) size + (1 << pageBits) - 1) >>> pageBits)) {
      throw new IOException(
          "digest index snapshot: page count " + pageCount + " does not fit size " + size);
    }
    int[] dir = new int[(1 << bits) + 1];
    for (int i = 0; i < dir.length; ) {
      int ints = Math.min(COPY_CHUNK / 4, dir.length - i);
      read(in, crc, chunk, 4 * ints, "directory");
      for (int k = 0; k < ints; k++) {
        dir[i + k] = (int) INT_BE.get(chunk, 4 * k);
      }
      i += ints;
    }
    if (dir[0] != 0 || dir[dir.length - 1] != size) {
      throw new IOException(
          "digest index snapshot: directory runs from "
              + dir[0]
              + " to "
              + dir[dir.length - 1]
              + ", expected 0 to the size "
              + size);
    }
    for (int b = 0; b + 1 < dir.length; b++) {
      if (dir[b] > dir[b + 1]) {
        throw new IOException("digest index snapshot: directory decreases at bucket " + b);
      }
    }
    byte[][] pages = new byte[pageCount][];
    for (int g = 0; g < pageCount; g++) {
      read(in, crc, chunk, 4, "length of page " + g);
      int length = (int) INT_BE.get(chunk, 0);
      long entries = Math.min(1L << pageBits, size - ((long) g << pageBits));
      if (length != entries * ENTRY_BYTES) {
        throw new IOException(
            "digest index snapshot: page "
                + g
                + " has "
                + length
                + " bytes, expected "
                + entries * ENTRY_BYTES);
      }
      pages[g] = new byte[length];
      read(in, crc, pages[g], length, "page " + g);
    }
    long stored;
    try {
      stored = in.readLong();
    } catch (EOFException e) {
      throw new IOException("digest index snapshot is truncated: it ends before its checksum", e);
    }
    if (stored != crc.getValue()) {
      throw new IOException(
          String.format(
              Locale.ROOT,
              "digest index snapshot is corrupt: checksum 0x%08x stored, 0x%08x computed",
              stored,
              crc.getValue()));
    }
    return new DigestIndex(digestLength, size, pages, pageBits, dir, bits);
  }

  private static int headerChecksum(byte[] header) {
    CRC32C crc = new CRC32C();
    crc.update(header, 0, header.length);
    return (int) crc.getValue();
  }

  private static void read(DataInputStream in, CRC32C crc, byte[] into, int length, String part)
      throws IOException {
    try {
      in.readFully(into, 0, length);
    } catch (EOFException e) {
      throw new IOException("digest index snapshot is truncated: it ends in the " + part, e);
    }
    crc.update(into, 0, length);
  }

  /** Header int {@code i} (after magic and version), checked to lie in [min, max]. */
  private static int field(byte[] header, int i, String name, int min, int max) throws IOException {
    int v = (int) INT_BE.get(header, 8 + 4 * i);
    if (v < min || v > max) {
      throw new IOException(
          "digest index snapshot: " + name + " " + v + " is outside " + min + ".." + max);
    }
    return v;
  }

  /** Top bits of the digest (the flipped key's sign bit restored). */
  private static int bucket(long flippedHi, int shift) {
    return (int) ((flippedHi ^ Long.MIN_VALUE) >>> shift);
  }

  /**
   * About 2–4 entries per bucket, and at least {@value #MIN_DIRECTORY_BITS} bits so that the bucket
   * implies digest bytes 0–1.
   */
  static int directoryBits(int n) {
    int log2 = 31 - Integer.numberOfLeadingZeros(Math.max(1, n));
    return Math.max(MIN_DIRECTORY_BITS, Math.min(30, log2 - 1));
  }
}
