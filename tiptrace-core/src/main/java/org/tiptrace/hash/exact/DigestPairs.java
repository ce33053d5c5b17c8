package org.tiptrace.hash.exact;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The (digest, payload) pairs a digest index is built from: digest bytes 0–7 and 8–15 as two longs
 * with the sign bit flipped (so signed order is byte order) and an int payload, in primitive arrays
 * that grow by half. {@link DigestIndex.Builder} collects with it, and so do the benchmark's
 * comparison layouts, so every layout measured is built from the same pairs by the same sort.
 * Single use ({@link #sortDistinct} takes the arrays), not thread-safe.
 */
public final class DigestPairs {
  /** The most pairs one collection holds: two longs a pair in one array. */
  public static final int MAX_ENTRIES = (Integer.MAX_VALUE - 8) / 2;

  private static final VarHandle LONG_BE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private long[] keys;
  private int[] payloads;
  private int n;

  /**
   * @param capacity pairs held before the arrays first grow (0..{@value #MAX_ENTRIES})
   */
  public DigestPairs(int capacity) {
    if (capacity < 0 || capacity > MAX_ENTRIES) {
      throw new IllegalArgumentException(
          "expected size must be 0.." + MAX_ENTRIES + ", was " + capacity);
    }
    this.keys = new long[2 * capacity];
    this.payloads = new int[capacity];
  }

  /**
   * Adds one pair; only the digest's first 16 bytes are read, and the digest is not kept.
   *
   * @throws IllegalStateException after {@link #sortDistinct}, or beyond {@value #MAX_ENTRIES}
   */
  public void add(byte[] digest, int payload) {
    if (keys == null) {
      throw new IllegalStateException("the pairs were already sorted");
    }
    if (n == payloads.length) {
      grow();
    }
    keys[2 * n] = (long) LONG_BE.get(digest, 0) ^ Long.MIN_VALUE;
    keys[2 * n + 1] = (long) LONG_BE.get(digest, 8) ^ Long.MIN_VALUE;
    payloads[n] = payload;
    n++;
  }

  /** Pairs added so far. */
  public int size() {
    return n;
  }

  private void grow() {
    if (n == MAX_ENTRIES) {
      throw new IllegalStateException("a digest index holds at most " + MAX_ENTRIES + " entries");
    }
    int capacity = (int) Math.min(MAX_ENTRIES, Math.max(16, n + (long) (n >> 1)));
    keys = Arrays.copyOf(keys, 2 * capacity);
    payloads = Arrays.copyOf(payloads, capacity);
  }

  /**
   * The pairs sorted by (digest bytes 0–15, payload) with duplicates kept once ({@link
   * EntrySort#sortDistinct}). The arrays may be longer than {@code count}.
   *
   * @param keys two longs a pair, sign bits flipped
   * @param directory {@code 2^bits + 1} bucket starts over the top {@code bits} digest bits
   */
  public record Sorted(long[] keys, int[] payloads, int[] directory, int count) {}

  /**
   * Sorts in place and hands the arrays over; this collection cannot be used afterwards.
   *
   * @param bits directory bits (1–30)
   * @throws IllegalStateException if called twice
   */
  public Sorted sortDistinct(int bits) {
    if (keys == null) {
      throw new IllegalStateException("the pairs were already sorted");
    }
    long[] k = keys;
    int[] p = payloads;
    keys = null;
    payloads = null;
    int[] dir = EntrySort.sortDistinct(k, p, n, bits);
    return new Sorted(k, p, dir, dir[dir.length - 1]);
  }
}
