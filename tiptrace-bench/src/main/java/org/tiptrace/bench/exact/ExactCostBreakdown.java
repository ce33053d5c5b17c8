package org.tiptrace.bench.exact;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import org.tiptrace.hash.exact.DigestIndex;

/**
 * Where an exact lookup's time goes: {@link DigestIndex} called directly (no engine interface),
 * next to loops that do only part of the work, on the same queries, per CPU-second of the one
 * querying thread. The parts: reading the queries alone ({@code read}); one random load from an
 * {@code int[]} the size of a radix directory ({@code dirLoad}), and from a {@code byte[]} the size
 * of the entries ({@code entryLoad}), each with and without a dependency between loads; single
 * lookups; batches from {@code byte[][]} queries (separate arrays, as callers hold them) and from
 * one packed {@code byte[]}; the same lookups on the layout of decision 0010 ({@link
 * InterpolatedBlockIndex}, parts ending in {@code Interpolated}).
 *
 * <p>Run: {@code java -Xmx3g -cp tiptrace-bench/target/tiptrace-bench.jar
 * org.tiptrace.bench.exact.ExactCostBreakdown N[,N...] DIGEST_LENGTH SECONDS}; see {@code
 * docs/benchmarks-exact.md}.
 */
public final class ExactCostBreakdown {

  private static final int QUERIES = 1 << 16;
  private static final int BATCH = 1024;
  private static final long SEED = 42;
  private static final int REPEATS = 3;

  private ExactCostBreakdown() {}

  public static void main(String[] args) {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: N[,N...] DIGEST_LENGTH SECONDS");
    }
    int[] sizes = Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray();
    int len = Integer.parseInt(args[1]);
    double seconds = Double.parseDouble(args[2]);
    System.out.printf(
        Locale.ROOT,
        "# java=%s max_heap=%d args=%s%n",
        Runtime.version(),
        Runtime.getRuntime().maxMemory(),
        ManagementFactory.getRuntimeMXBean().getInputArguments());
    for (int n : sizes) {
      DigestIndex.Builder b = DigestIndex.builder(len, n);
      for (int i = 0; i < n; i++) {
        b.add(ExactEngine.syntheticDigest(SEED, i, len), i);
      }
      DigestIndex index = b.build();
      InterpolatedBlockIndex.Builder ob = InterpolatedBlockIndex.builder(len, n);
      for (int i = 0; i < n; i++) {
        ob.add(ExactEngine.syntheticDigest(SEED, i, len), i);
      }
      InterpolatedBlockIndex interpolated = ob.build();
      SplittableRandom rnd = new SplittableRandom(SEED);
      byte[][] hits = new byte[QUERIES][];
      byte[][] misses = new byte[QUERIES][len];
      for (int i = 0; i < QUERIES; i++) {
        hits[i] = ExactEngine.syntheticDigest(SEED, rnd.nextInt(n), len);
        rnd.nextBytes(misses[i]);
      }
      int dirInts = (1 << Math.max(16, 31 - Integer.numberOfLeadingZeros(n) - 1)) + 1;
      int[] dir = new int[dirInts];
      for (int i = 0; i < dirInts; i++) {
        dir[i] = (int) ((long) i * n / dirInts);
      }
      byte[] entries = new byte[(int) Math.min(Integer.MAX_VALUE - 8, 18L * n)];
      int dirShift = 64 - Integer.numberOfTrailingZeros(dirInts - 1);
      for (String kind : new String[] {"hit", "miss"}) {
        byte[][] q = kind.equals("hit") ? hits : misses;
        byte[] flat = new byte[QUERIES * len];
        for (int i = 0; i < QUERIES; i++) {
          System.arraycopy(q[i], 0, flat, i * len, len);
        }
        int[] out = new int[BATCH];
        byte[] chunk = new byte[BATCH * len];
        byte[][][] chunks = new byte[QUERIES / BATCH][][];
        for (int c = 0; c < chunks.length; c++) {
          chunks[c] = Arrays.copyOfRange(q, c * BATCH, (c + 1) * BATCH);
        }
        report(n, kind, "read", seconds, () -> readOnly(q));
        report(n, kind, "dirLoad", seconds, () -> randomLoads(q, dir, dirShift, false));
        report(n, kind, "dirLoadDependent", seconds, () -> randomLoads(q, dir, dirShift, true));
        report(n, kind, "entryLoad", seconds, () -> entryLoads(q, entries, false));
        report(n, kind, "entryLoadDependent", seconds, () -> entryLoads(q, entries, true));
        report(n, kind, "single", seconds, () -> singles(index, q));
        report(n, kind, "singleInterpolated", seconds, () -> singles(interpolated, q));
        report(n, kind, "batchArrays", seconds, () -> batches(index, chunks, out));
        report(
            n, kind, "batchArraysInterpolated", seconds, () -> batches(interpolated, chunks, out));
        report(n, kind, "batchPacked", seconds, () -> packed(index, flat, chunk, out));
        report(
            n,
            kind,
            "batchPackedInterpolated",
            seconds,
            () -> packed(interpolated, flat, chunk, out));
      }
    }
  }

  private static void report(int n, String kind, String what, double seconds, LongSupplier pass) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[] rates = new double[REPEATS];
    long sink = 0;
    for (int r = -1; r < REPEATS; r++) {
      long end = System.nanoTime() + (long) (seconds * 1e9 / REPEATS);
      long cpu0 = mx.getCurrentThreadCpuTime();
      long count = 0;
      while (System.nanoTime() < end) {
        sink += pass.getAsLong();
        count += QUERIES;
      }
      long cpu = mx.getCurrentThreadCpuTime() - cpu0;
      if (r >= 0) {
        rates[r] = count / (cpu / 1e9);
      }
    }
    Arrays.sort(rates);
    System.out.printf(
        Locale.ROOT,
        "n=%d queries=%s part=%s per_cpu_s=%.0f ns_per_query=%.1f min=%.0f max=%.0f load=%.1f"
            + " sink=%d%n",
        n,
        kind,
        what,
        rates[REPEATS / 2],
        1e9 / rates[REPEATS / 2],
        rates[0],
        rates[REPEATS - 1],
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        sink & 1);
  }

  private static long readOnly(byte[][] q) {
    long s = 0;
    for (byte[] d : q) {
      s += d[0] + d[d.length - 1];
    }
    return s;
  }

  /** One random load per query from an array the directory's size, indexed by the top bits. */
  private static long randomLoads(byte[][] q, int[] table, int shift, boolean dependent) {
    long s = 0;
    for (byte[] d : q) {
      long top = topBits(d);
      // A dependent load waits for the previous one: the latency, not the throughput.
      int slot = (int) (top >>> shift) ^ (dependent ? (int) (s & 1) : 0);
      s += table[slot];
    }
    return s;
  }

  private static long entryLoads(byte[][] q, byte[] entries, boolean dependent) {
    long s = 0;
    long span = entries.length - 64;
    for (byte[] d : q) {
      long top = topBits(d) >>> 1;
      int at = (int) (top % span) ^ (dependent ? (int) (s & 1) : 0);
      s += entries[at];
    }
    return s;
  }

  private static long topBits(byte[] d) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (d[i] & 0xFF);
    }
    return v;
  }

  private static long singles(InterpolatedBlockIndex index, byte[][] q) {
    long s = 0;
    for (byte[] d : q) {
      s += index.lookup(d);
    }
    return s;
  }

  private static long batches(InterpolatedBlockIndex index, byte[][][] chunks, int[] out) {
    long s = 0;
    for (byte[][] c : chunks) {
      s += index.lookupAll(c, out);
    }
    return s;
  }

  private static long packed(InterpolatedBlockIndex index, byte[] flat, byte[] chunk, int[] out) {
    long s = 0;
    for (int off = 0; off < flat.length; off += chunk.length) {
      System.arraycopy(flat, off, chunk, 0, chunk.length);
      s += index.lookupAll(chunk, out);
    }
    return s;
  }

  private static long singles(DigestIndex index, byte[][] q) {
    long s = 0;
    for (byte[] d : q) {
      s += index.lookup(d);
    }
    return s;
  }

  private static long batches(DigestIndex index, byte[][][] chunks, int[] out) {
    long s = 0;
    for (byte[][] c : chunks) {
      s += index.lookupAll(c, out);
    }
    return s;
  }

  private static long packed(DigestIndex index, byte[] flat, byte[] chunk, int[] out) {
    long s = 0;
    for (int off = 0; off < flat.length; off += chunk.length) {
      // The copy stands for a caller filling its batch buffer; it is part of the cost.
      System.arraycopy(flat, off, chunk, 0, chunk.length);
      s += index.lookupAll(chunk, out);
    }
    return s;
  }
}
