package org.tiptrace.bench.exact;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.tiptrace.hash.exact.DigestPairs;

/**
 * The previous {@code SortedPrefixIndex} design (up to commit def8bdd), kept in the benchmarks as a
 * peer so that old and new layouts are measured in the same run: 16-byte prefixes as two longs,
 * payloads in a parallel {@code int[]}, a directory of 8–16 entries per bucket and a binary search
 * within the bucket. Its class comment follows.
 *
 * <p>* A compact immutable index from digests of one length (MD5 16, SHA-1 20, SHA-256 32 bytes) to
 * int payloads (entry ids), held in three primitive arrays and no per-entry objects.
 *
 * <p><b>Map.</b>
 *
 * <ol>
 *   <li>Each entry keeps the first 16 bytes of its digest as two longs, stored side by side in one
 *       {@code long[]} so that a probe touches one cache line, and its payload in an {@code int[]}
 *       at the same position: 20 bytes per entry.
 *   <li>Entries are sorted by (digest prefix, payload); identical (digest, payload) pairs are kept
 *       once.
 *   <li>A radix directory on the top {@code b} bits of the digest (about {@code n/8} to {@code
 *       n/16} buckets, {@code 2^b + 1} ints, under half a byte per entry) gives each digest's
 *       bucket; a binary search inside the bucket, about a dozen entries on digests that are
 *       uniform, finds the run. This is the radix variant of interpolation search: digests are
 *       uniform, so the top bits predict the position [1, 2]. Shared prefixes only make one bucket
 *       big; the binary search keeps that O(log n).
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
 * <p><b>Memory.</b> {@link #memoryBytes()}: 20 bytes per distinct pair plus the directory (0.25–0.5
 * bytes per entry), so about 20.3 bytes per entry and 1.9 GiB for 100M; see {@code
 * docs/benchmarks-exact.md}. The builder holds the same arrays while it grows them (use {@link
 * #builder(int, int)} with the expected size to avoid the final copy); building sorts them in
 * place.
 *
 * <p><b>Threads.</b> Immutable once built; any number of threads may query it.
 *
 * <p>References: [1] Knuth, TAOCP vol. 3, §6.2.1 (interpolation search) and §5.2.5 (radix
 * distribution); [2] McIlroy, Bostic, McIlroy, "Engineering Radix Sort" (1993), for the in-place
 * American flag distribution used by {@link Builder#build()}.
 */
final class SortedPrefixIndex {

  /** Digest bytes the index stores and compares. */
  public static final int COMPARED_BYTES = 16;

  private static final VarHandle LONG_BE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final int[] NONE = new int[0];
  private static final int ARRAY_HEADER_BYTES = 16;
  private static final int MAX_ENTRIES = (Integer.MAX_VALUE - 8) / 2;

  private final int digestLength;
  private final int size;
  // Pairs (hi, lo) of digest bytes 0–7 and 8–15, sign bit flipped so signed order is byte order.
  private final long[] keys;
  private final int[] payloads;
  // dir[b]..dir[b+1] are the entries whose top `bits` bits equal b.
  private final int[] dir;
  private final int shift;

  private SortedPrefixIndex(
      int digestLength, int size, long[] keys, int[] payloads, int[] dir, int bits) {
    this.digestLength = digestLength;
    this.size = size;
    this.keys = keys;
    this.payloads = payloads;
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
   * A builder sized for {@code expectedSize} entries, so that {@link Builder#build()} need not copy
   * its arrays when exactly that many are added.
   *
   * @throws IllegalArgumentException unless the length is 16, 20 or 32 and the size is 0 or more
   */
  public static Builder builder(int digestLength, int expectedSize) {
    if (digestLength != 16 && digestLength != 20 && digestLength != 32) {
      throw new IllegalArgumentException(
          "digest length must be 16 (MD5), 20 (SHA-1) or 32 (SHA-256) bytes, was " + digestLength);
    }
    if (expectedSize < 0 || expectedSize > MAX_ENTRIES) {
      throw new IllegalArgumentException(
          "expected size must be 0.." + MAX_ENTRIES + ", was " + expectedSize);
    }
    return new Builder(digestLength, expectedSize);
  }

  /** Collects (digest, payload) pairs; single use, not thread-safe. */
  public static final class Builder {
    private final int digestLength;
    private final DigestPairs pairs;
    private boolean built;

    private Builder(int digestLength, int capacity) {
      this.digestLength = digestLength;
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
     * Sorts the pairs in place and returns the index; the builder cannot be used afterwards.
     * Duplicate (digest, payload) pairs are allowed and kept once.
     *
     * @throws IllegalStateException if called twice
     */
    public SortedPrefixIndex build() {
      if (built) {
        throw new IllegalStateException("builder already built");
      }
      built = true;
      int bits = directoryBits(pairs.size());
      DigestPairs.Sorted s = pairs.sortDistinct(bits);
      int m = s.count();
      // This layout keeps its arrays as they are: cut them to the distinct pairs.
      long[] k = s.keys().length == 2 * m ? s.keys() : Arrays.copyOf(s.keys(), 2 * m);
      int[] p = s.payloads().length == m ? s.payloads() : Arrays.copyOf(s.payloads(), m);
      return new SortedPrefixIndex(digestLength, m, k, p, s.directory(), bits);
    }
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
   * Digest bytes compared by {@link #find} and {@link #contains}: the first {@value
   * #COMPARED_BYTES}, which is all of an MD5 digest and a prefix of a SHA-1 or SHA-256 one.
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
   * The payloads stored under {@code digest}, ascending, each once; an empty array if none. When
   * {@link #exact()} is false these are the payloads of entries whose first {@link
   * #comparedBytes()} bytes equal the digest's: candidates to confirm, not yet matches.
   *
   * @throws IllegalArgumentException if the digest has the wrong length
   */
  public int[] find(byte[] digest) {
    checkLength(digest, digestLength);
    long hi = hi(digest);
    long lo = lo(digest);
    int i = lowerBound(hi, lo);
    int j = i;
    while (j < size && keys[2 * j] == hi && keys[2 * j + 1] == lo) {
      j++;
    }
    return i == j ? NONE : Arrays.copyOfRange(payloads, i, j);
  }

  /**
   * Whether any payload is stored under {@code digest}; a prefix hit when {@link #exact()} is false
   * (see {@link #find}).
   *
   * @throws IllegalArgumentException if the digest has the wrong length
   */
  public boolean contains(byte[] digest) {
    checkLength(digest, digestLength);
    long hi = hi(digest);
    long lo = lo(digest);
    int i = lowerBound(hi, lo);
    return i < size && keys[2 * i] == hi && keys[2 * i + 1] == lo;
  }

  /** The smallest payload stored under the digest, or -1 if none; allocates nothing. */
  public int firstPayload(byte[] digest) {
    checkLength(digest, digestLength);
    long hi = hi(digest);
    long lo = lo(digest);
    int i = lowerBound(hi, lo);
    return i < size && keys[2 * i] == hi && keys[2 * i + 1] == lo ? payloads[i] : -1;
  }

  /** Bytes held by the index's arrays, headers included. */
  public long memoryBytes() {
    return 3L * ARRAY_HEADER_BYTES + 8L * keys.length + 4L * payloads.length + 4L * dir.length;
  }

  /** First entry in the digest's bucket that is not below (hi, lo), or the bucket's end. */
  private int lowerBound(long hi, long lo) {
    int b = bucket(hi, shift);
    int from = dir[b];
    int to = dir[b + 1];
    while (from < to) {
      int mid = (from + to) >>> 1;
      long h = keys[2 * mid];
      if (h < hi || (h == hi && keys[2 * mid + 1] < lo)) {
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

  private static long hi(byte[] digest) {
    return (long) LONG_BE.get(digest, 0) ^ Long.MIN_VALUE;
  }

  private static long lo(byte[] digest) {
    return (long) LONG_BE.get(digest, 8) ^ Long.MIN_VALUE;
  }

  /** Top bits of the digest (the flipped key's sign bit restored). */
  private static int bucket(long flippedHi, int shift) {
    return (int) ((flippedHi ^ Long.MIN_VALUE) >>> shift);
  }

  /** About 8–16 entries per bucket; at least one bit so the shift stays below 64. */
  static int directoryBits(int n) {
    int log2 = 31 - Integer.numberOfLeadingZeros(Math.max(1, n));
    return Math.max(1, Math.min(30, log2 - 3));
  }
}
